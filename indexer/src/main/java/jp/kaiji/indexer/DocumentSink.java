package jp.kaiji.indexer;

import java.io.IOException;
import org.apache.lucene.document.Document;

/**
 * Where {@link SourceIndexer} puts each record's document: the embedded index's {@code IndexWriter}
 * ({@code writer::addDocument}) or an OpenSearch bulk writer. Called from several threads at once.
 */
@FunctionalInterface
public interface DocumentSink {
  void add(Document doc) throws IOException;
}
