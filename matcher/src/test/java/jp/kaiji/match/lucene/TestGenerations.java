package jp.kaiji.match.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaiji.match.SubjectIndexContract.SourceRows;
import jp.kaiji.schema.RecordNormalizer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/** Publishes a generation as a rebuild writes it: real documents, stats, report and switch. */
final class TestGenerations {
  private TestGenerations() {}

  static void publish(IndexGenerations generations, List<SourceRows> sources) throws IOException {
    try (IndexGenerations.WriterLock lock = generations.writerLock()) {
      IndexGenerations.Pending pending = generations.begin();
      LinkedHashMap<String, SourceStats> stats = new LinkedHashMap<>();
      String now = Instant.now().toString();
      try (FSDirectory d = FSDirectory.open(pending.indexDir());
          IndexWriter writer =
              new IndexWriter(d, new IndexWriterConfig().setCodec(new KaijiCodec()))) {
        for (SourceRows s : sources) {
          long row = 0;
          for (Map<String, String> fields : s.rows()) {
            row++;
            writer.addDocument(
                RecordDocuments.build(
                    s.source(),
                    row,
                    fields.get(s.source().primaryKey()),
                    fields,
                    RecordNormalizer.normalize(s.source(), fields)));
          }
          stats.put(
              s.source().id(),
              new SourceStats(s.source().id(), s.source().company(), row, row, 0, 0, now, 0, 0));
        }
        writer.commit();
      }
      pending.writeStats(new GenerationStats(pending.id(), now, stats));
      pending.writeReport(Map.of("generation", pending.id()));
      generations.publish(pending);
    }
  }
}
