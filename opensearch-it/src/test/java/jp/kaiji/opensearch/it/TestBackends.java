package jp.kaiji.opensearch.it;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaiji.match.SubjectIndexContract.SourceRows;
import jp.kaiji.match.lucene.RecordDocuments;
import jp.kaiji.opensearch.BulkWriter;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import jp.kaiji.schema.RecordNormalizer;

/** Backends on the test cluster, each under an alias of its own. */
final class TestBackends {
  private static final AtomicInteger N = new AtomicInteger();

  private TestBackends() {}

  /** Two shards and one replica: scoring must hold across shards, and a node may die. */
  static OpenSearchSettings settings(TestCluster cluster) {
    return OpenSearchSettings.of(cluster.hosts())
        .withAlias("kaiji-it-" + ProcessHandle.current().pid() + "-" + N.incrementAndGet())
        .withShards(2, 1);
  }

  /** Writes one generation as a rebuild does and switches the alias to it. */
  static void publish(OpenSearchGenerations generations, List<SourceRows> sources)
      throws IOException {
    OpenSearchGenerations.Pending p = generations.begin();
    Map<String, Long> expected = new LinkedHashMap<>();
    try (BulkWriter w = generations.writer(p)) {
      for (SourceRows s : sources) {
        long row = 0;
        for (Map<String, String> fields : s.rows()) {
          row++;
          w.add(
              RecordDocuments.build(
                  s.source(),
                  row,
                  fields.get(s.source().primaryKey()),
                  fields,
                  RecordNormalizer.normalize(s.source().identity(), fields)));
        }
        expected.put(s.source().id(), row);
      }
    }
    generations.publish(p, expected);
  }

  static Cluster connect(OpenSearchSettings settings) {
    return Cluster.connect(settings);
  }
}
