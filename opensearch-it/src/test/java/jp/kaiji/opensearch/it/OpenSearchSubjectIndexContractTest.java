package jp.kaiji.opensearch.it;

import java.nio.file.Path;
import java.util.List;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndexContract;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import jp.kaiji.opensearch.OpenSearchSubjectIndex;

/** The index contract against the 3-node cluster, generations written through the alias path. */
class OpenSearchSubjectIndexContractTest extends SubjectIndexContract {

  @Override
  protected Backend newBackend(Path dir) throws Exception {
    OpenSearchSettings settings = TestBackends.settings(TestCluster.get());
    Cluster cluster = Cluster.connect(settings);
    OpenSearchGenerations generations = new OpenSearchGenerations(cluster, settings);
    OpenSearchSubjectIndex index = new OpenSearchSubjectIndex(cluster, settings.alias());
    return new Backend() {
      @Override
      public SubjectIndex index() {
        return index;
      }

      @Override
      public void publish(List<SourceRows> sources) throws Exception {
        TestBackends.publish(generations, sources);
        index.refresh();
      }

      @Override
      public void close() throws Exception {
        index.close();
      }
    };
  }
}
