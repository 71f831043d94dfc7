package jp.kaiji.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.fixtures.evaluate.FixtureSourceReader;
import jp.kaiji.query.SubjectQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Baseline (2): a plain Lucene full-text index of the raw record text (every column's value, one
 * {@link StandardAnalyzer} field per record, the original stored) and one OR query of the form's
 * analyzed words, top {@value #TOP} loaded like Kaiji loads its candidates.
 */
final class FullTextBaseline implements AutoCloseable {
  static final int TOP = 100;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  /** Indexing figures, when this run built the index. */
  record Build(long records, long millis) {}

  private FullTextBaseline(DirectoryReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /** Opens the index in {@code dir}, building it from the world first unless it is complete. */
  static FullTextBaseline open(SourceCatalog catalog, Path world, Path dir, Build[] built)
      throws IOException {
    Path marker = dir.resolve(".complete");
    if (!Files.exists(marker)) {
      Worlds.deleteTree(dir);
      Files.createDirectories(dir);
      long t0 = System.nanoTime();
      long[] n = {0};
      try (FSDirectory d = FSDirectory.open(dir);
          IndexWriter w =
              new IndexWriter(
                  d, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(256))) {
        FixtureSourceReader sources = new FixtureSourceReader();
        for (SourceDefinition s : catalog.sources()) {
          sources.read(
              s,
              world,
              r -> {
                Document doc = new Document();
                doc.add(new StoredField("id", r.id().toString()));
                doc.add(
                    new TextField("text", String.join(" ", r.fields().values()), Field.Store.YES));
                try {
                  w.addDocument(doc);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                n[0]++;
              });
        }
        w.commit();
      }
      Files.writeString(marker, "");
      built[0] = new Build(n[0], (System.nanoTime() - t0) / 1_000_000);
    }
    return new FullTextBaseline(DirectoryReader.open(FSDirectory.open(dir)));
  }

  /** Runs the form as a full-text query; returns how many records were loaded. */
  int search(SubjectQuery q) throws IOException {
    StringBuilder text = new StringBuilder();
    q.name().ifPresent(v -> text.append(v).append(' '));
    q.reading().ifPresent(v -> text.append(v).append(' '));
    q.formerNames().forEach(v -> text.append(v).append(' '));
    q.birthDate().ifPresent(v -> text.append(v).append(' '));
    q.addresses()
        .forEach(
            a -> text.append(a.postcode().orElse("")).append(' ').append(a.address()).append(' '));
    q.phones().forEach(v -> text.append(v).append(' '));
    q.emails().forEach(v -> text.append(v).append(' '));
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("text", text.toString())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms.forEach(t -> b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
    TopDocs top = searcher.search(b.build(), TOP);
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      stored.document(sd.doc);
    }
    return top.scoreDocs.length;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    analyzer.close();
  }
}
