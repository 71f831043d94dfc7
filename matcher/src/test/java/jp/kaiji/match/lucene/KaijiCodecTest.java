package jp.kaiji.match.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An index written with {@link KaijiCodec} is found by name and reads back every stored value. */
class KaijiCodecTest {
  @RegisterExtension final TestSeed seed = new TestSeed();
  @TempDir Path dir;

  @Test
  void storedValuesRoundTripAcrossManySmallBlocks() throws Exception {
    Random random = seed.random();
    int n = 3_000; // many 16 KB blocks
    String[] values = new String[n];
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setCodec(new KaijiCodec()))) {
      for (int i = 0; i < n; i++) {
        StringBuilder v = new StringBuilder();
        int length = random.nextInt(600);
        for (int c = 0; c < length; c++) {
          v.append((char) ('ア' + random.nextInt(80)));
        }
        values[i] = v.toString();
        Document doc = new Document();
        doc.add(new StoredField("v", values[i]));
        w.addDocument(doc);
      }
      w.commit();
    }
    assertThat(Codec.forName(KaijiCodec.NAME)).isInstanceOf(KaijiCodec.class);
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(d)) {
        assertThat(s.info.getCodec().getName()).isEqualTo(KaijiCodec.NAME);
      }
      var stored = r.storedFields();
      for (int i = 0; i < n; i += 1 + random.nextInt(7)) {
        assertThat(stored.document(i).get("v")).isEqualTo(values[i]);
      }
    }
  }
}
