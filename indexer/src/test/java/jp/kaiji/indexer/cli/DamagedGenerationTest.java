package jp.kaiji.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.indexer.source.TestWorld;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.LuceneSubjectIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged generation never serves: the newest intact kept one does, {@code health()} and {@code
 * indexer status} say which is damaged; a lost stats.json is reported, not fatal; a generation
 * another index serves is not pruned.
 */
class DamagedGenerationTest {
  @TempDir Path dir;
  CatalogFile catalog;
  Path data;

  @BeforeEach
  void world() throws Exception {
    catalog = TestWorld.load(dir.resolve("world"));
    data = dir.resolve("data");
  }

  private void rebuild(IndexGenerations gens) {
    RebuildJob job =
        new RebuildJob(catalog, gens, SourceReaders.of(catalog), new RebuildJob.Options(1, 16));
    job.run();
    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.SUCCEEDED);
  }

  /** Flips one byte in the middle of the generation's largest file ending in {@code suffix}. */
  static void flip(Path generation, String suffix) throws IOException {
    Path file;
    try (Stream<Path> s = Files.list(generation.resolve("index"))) {
      file =
          s.filter(p -> p.getFileName().toString().endsWith(suffix))
              .max(Comparator.comparingLong(p -> p.toFile().length()))
              .orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x5a);
    }
  }

  private int runStatus(StringWriter out, StringWriter err) {
    return IndexerCli.run(
        new String[] {"status", "--data", data.toString()},
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void aDamagedCurrentGenerationFallsBackToTheNewestIntactKeptOne() throws Exception {
    IndexGenerations gens = new IndexGenerations(data.resolve("index"));
    rebuild(gens);
    rebuild(gens);
    rebuild(gens);
    flip(data.resolve("index/gen-000003"), ".fdt");

    try (LuceneSubjectIndex index =
        new LuceneSubjectIndex(new IndexGenerations(data.resolve("index")))) {
      LuceneSubjectIndex.Health h = index.health();
      assertThat(h.status()).isEqualTo("degraded");
      assertThat(h.serving().orElseThrow().id()).isEqualTo("gen-000002");
      assertThat(h.current()).contains("gen-000003");
      assertThat(h.problems()).singleElement().asString().contains("gen-000003 is damaged");
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        assertThat(s.generation().id()).isEqualTo("gen-000002");
        assertThat(s.recordsPerSource().get("customers")).isEqualTo(3);
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(runStatus(out, err)).isEqualTo(1);
    JsonNode status = new ObjectMapper().readTree(out.toString());
    assertThat(status.path("broken").has("gen-000003")).isTrue();
    assertThat(status.path("broken").has("gen-000002")).isFalse();
    assertThat(err.toString()).contains("gen-000003 (the current one)").hasLineCount(1);

    // With every kept generation damaged, nothing serves: searches answer "no index".
    flip(data.resolve("index/gen-000002"), ".tim");
    flip(data.resolve("index/gen-000001"), ".doc");
    try (LuceneSubjectIndex index =
        new LuceneSubjectIndex(new IndexGenerations(data.resolve("index")))) {
      assertThat(index.acquire()).isEmpty();
      assertThat(index.health().status()).isEqualTo("no-index");
      assertThat(index.health().problems()).hasSize(3);
    }
  }

  @Test
  void aLostStatsFileIsReportedAndTheGenerationStillServesWithItsCounts() throws Exception {
    IndexGenerations gens = new IndexGenerations(data.resolve("index"));
    rebuild(gens);
    Files.delete(data.resolve("index/gen-000001/stats.json"));

    try (LuceneSubjectIndex index =
        new LuceneSubjectIndex(new IndexGenerations(data.resolve("index")))) {
      LuceneSubjectIndex.Health h = index.health();
      assertThat(h.status()).isEqualTo("degraded");
      assertThat(h.serving().orElseThrow().id()).isEqualTo("gen-000001");
      assertThat(h.problems()).containsExactly("stats.json of gen-000001 is missing or unreadable");
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        assertThat(s.recordsPerSource()).containsEntry("customers", 3L).containsEntry("orders", 3L);
      }
    }
    StringWriter out = new StringWriter();
    assertThat(runStatus(out, new StringWriter())).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).path("problems").toString())
        .contains("stats.json of gen-000001");
    // A rebuild after it works as ever.
    rebuild(gens);
    assertThat(gens.current().orElseThrow().problems()).isEmpty();
  }

  @Test
  void aGenerationAnotherIndexServesIsNotPruned() throws Exception {
    rebuild(new IndexGenerations(data.resolve("index"), 1));
    try (LuceneSubjectIndex serving =
        new LuceneSubjectIndex(new IndexGenerations(data.resolve("index"), 1))) {
      IndexGenerations builder = new IndexGenerations(data.resolve("index"), 1);
      rebuild(builder);
      // keep=1 would delete gen-000001, but it still serves.
      assertThat(data.resolve("index/gen-000001/index")).isDirectory();

      // The serving index follows CURRENT within a second and lets gen-000001 go.
      Thread.sleep(1100);
      assertThat(serving.health().serving().orElseThrow().id()).isEqualTo("gen-000002");
      rebuild(builder);
      assertThat(data.resolve("index/gen-000001")).doesNotExist();
      assertThat(data.resolve("index/gen-000002/index")).isDirectory();
      Thread.sleep(1100);
      try (SubjectIndex.Snapshot s = serving.acquire().orElseThrow()) {
        assertThat(s.generation().id()).isEqualTo("gen-000003");
      }
    }
  }
}
