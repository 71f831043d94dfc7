package jp.kaiji.match.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndexContract;

/** The index contract against embedded Lucene, generations written as a rebuild writes them. */
class LuceneSubjectIndexContractTest extends SubjectIndexContract {

  @Override
  protected Backend newBackend(Path dir) throws IOException {
    IndexGenerations generations = new IndexGenerations(dir);
    LuceneSubjectIndex index = new LuceneSubjectIndex(generations);
    return new Backend() {
      @Override
      public SubjectIndex index() {
        return index;
      }

      @Override
      public void publish(List<SourceRows> sources) throws IOException {
        TestGenerations.publish(generations, sources);
      }

      @Override
      public void close() throws IOException {
        index.close();
      }
    };
  }
}
