package jp.kaiji.indexer;

import static jp.kaiji.indexer.source.TestWorld.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.indexer.source.SourceItem;
import jp.kaiji.indexer.source.SourceReader;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.indexer.source.SourceUnavailableException;
import jp.kaiji.indexer.source.TestWorld;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.IndexSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexGenerationsTest {
  @TempDir Path dir;
  CatalogFile catalog;
  Path data;
  Path customersCsv;

  @BeforeEach
  void world() throws Exception {
    catalog = TestWorld.load(dir.resolve("world"));
    data = dir.resolve("data");
    customersCsv = dir.resolve("world/data/customers.csv");
  }

  private RebuildJob rebuild(IndexGenerations gens, SourceReaders readers) {
    RebuildJob job = new RebuildJob(catalog, gens, readers, new RebuildJob.Options(2, 16));
    job.run();
    return job;
  }

  private void addCustomers(int n) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("n").append(i).append(",山田 太郎").append(i).append(",,,,,,,\n");
    }
    TestWorld.append(customersCsv, sb.toString());
  }

  /**
   * Wraps the real readers: the named source behaves as {@code after} says once it has given n
   * rows.
   */
  private SourceReaders after(String sourceId, int n, Runnable after) {
    SourceReaders real = SourceReaders.of(catalog);
    return source -> {
      SourceReader r = real.open(source);
      if (!source.id().equals(sourceId)) {
        return r;
      }
      return new SourceReader() {
        int given;

        @Override
        public List<String> columns() {
          return r.columns();
        }

        @Override
        public Optional<SourceItem> next() {
          if (given++ == n) {
            after.run();
          }
          return r.next();
        }

        @Override
        public void close() {
          r.close();
        }
      };
    };
  }

  @Test
  void aSourceThatFailsHalfWayLeavesTheServingGenerationAndItsCountsUntouched() throws Exception {
    IndexGenerations gens = new IndexGenerations(data);
    List<IndexGenerations.Event> events = new ArrayList<>();
    gens.addListener(events::add);
    assertThat(rebuild(gens, SourceReaders.of(catalog)).progress().state())
        .isEqualTo(RebuildJob.State.SUCCEEDED);
    addCustomers(2000);

    RebuildJob failed =
        rebuild(
            gens,
            after(
                "customers",
                1500,
                () -> {
                  throw new SourceUnavailableException(
                      "source 'customers': read failed at line 1502: IOException");
                }));

    assertThat(failed.progress().state()).isEqualTo(RebuildJob.State.FAILED);
    assertThat(failed.progress().message().orElseThrow())
        .contains("source 'customers': read failed at line 1502")
        .doesNotContain("\n");
    assertThat(gens.current().orElseThrow().id()).isEqualTo("gen-000001");
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(3);
    assertThat(gens.current().orElseThrow().sources().get("customers").indexed()).isEqualTo(3);
    assertThat(Files.exists(data.resolve("gen-000002"))).isFalse();
    assertThat(events).extracting(e -> e.generation().id()).containsExactly("gen-000001");
  }

  @Test
  void aRebuildInterruptedMidWayIsCancelledWhileTheOldGenerationKeepsAnswering() throws Exception {
    IndexGenerations gens = new IndexGenerations(data);
    rebuild(gens, SourceReaders.of(catalog));
    addCustomers(3000);
    CountDownLatch halfWay = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RebuildJob job =
        new RebuildJob(
            catalog,
            gens,
            after(
                "customers",
                1000,
                () -> {
                  halfWay.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the job sees it at the next batch
                  }
                }),
            new RebuildJob.Options(2, 16));
    Thread t = new Thread(job, "test-rebuild");
    t.start();
    assertThat(halfWay.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.RUNNING);
    assertThat(job.progress().generation()).contains("gen-000002");
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(3);
    t.interrupt();
    t.join(30_000);

    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.CANCELLED);
    assertThat(gens.current().orElseThrow().id()).isEqualTo("gen-000001");
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(3);
    assertThat(Files.exists(data.resolve("gen-000002"))).isFalse();
  }

  @Test
  void aFinishedGenerationIsMergedDownToTheSegmentsAsked() throws Exception {
    addCustomers(3000);

    assertThat(segmentsAfterRebuild(0)).isGreaterThan(1);
    assertThat(segmentsAfterRebuild(1)).isEqualTo(1);
  }

  /** A rebuild with a small RAM buffer and two workers, then the new generation's segments. */
  private int segmentsAfterRebuild(int segments) throws Exception {
    IndexGenerations gens = new IndexGenerations(dir.resolve("segments-" + segments));
    RebuildJob job =
        new RebuildJob(
            catalog, gens, SourceReaders.of(catalog), new RebuildJob.Options(2, 1, segments));
    job.run();
    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.SUCCEEDED);
    try (var reader = gens.openCurrent()) {
      return reader.leaves().size();
    }
  }

  @Test
  void cancelStopsAtTheNextBatch() throws Exception {
    IndexGenerations gens = new IndexGenerations(data);
    addCustomers(2000);
    RebuildJob[] job = new RebuildJob[1];
    job[0] =
        new RebuildJob(
            catalog,
            gens,
            after("customers", 700, () -> job[0].cancel()),
            new RebuildJob.Options(1, 16));
    job[0].run();
    assertThat(job[0].progress().state()).isEqualTo(RebuildJob.State.CANCELLED);
    assertThat(gens.current()).isEmpty();
    assertThatThrownBy(gens::openCurrent).hasMessageContaining("run rebuild first");
  }

  @Test
  void aCrashedBuildLeavesCurrentAloneAndIsCleanedUpOnTheNextStart() throws Exception {
    IndexGenerations gens = new IndexGenerations(data);
    rebuild(gens, SourceReaders.of(catalog));
    Path crashed = data.resolve("gen-000002");
    Files.createDirectories(crashed.resolve("index"));
    Files.writeString(crashed.resolve("index/_0.cfs"), "half a segment");

    IndexGenerations reopened = new IndexGenerations(data);
    assertThat(Files.exists(crashed)).isFalse();
    assertThat(reopened.current().orElseThrow().id()).isEqualTo("gen-000001");
    assertThat(count(reopened, IndexSchema.SOURCE_ID, "orders")).isEqualTo(3);
    assertThat(Files.readString(data.resolve("CURRENT"))).isEqualTo("gen-000001\n");
  }

  @Test
  void rollbackSwitchesToThePreviousGenerationAndOldOnesArePruned() throws Exception {
    IndexGenerations gens = new IndexGenerations(data, 2);
    rebuild(gens, SourceReaders.of(catalog));
    addCustomers(10);
    rebuild(gens, SourceReaders.of(catalog));
    addCustomers(10);
    rebuild(gens, SourceReaders.of(catalog));
    assertThat(gens.list())
        .extracting(GenerationInfo::id)
        .containsExactly("gen-000002", "gen-000003");
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(23);

    List<IndexGenerations.Event> events = new ArrayList<>();
    gens.addListener(events::add);
    assertThat(gens.rollback().id()).isEqualTo("gen-000002");
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(13);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(IndexGenerations.EventKind.SWITCHED);
              assertThat(e.generation().id()).isEqualTo("gen-000002");
            });
    assertThatThrownBy(gens::rollback).hasMessageContaining("nothing to roll back to");

    // A rebuild after a rollback numbers on and keeps the serving one.
    rebuild(gens, SourceReaders.of(catalog));
    assertThat(gens.current().orElseThrow().id()).isEqualTo("gen-000004");
  }

  @Test
  void anotherProcessSwitchIsSeenByRefresh() throws Exception {
    IndexGenerations serving = new IndexGenerations(data);
    List<String> seen = new ArrayList<>();
    serving.addListener(e -> seen.add(e.generation().id()));
    IndexGenerations builder = new IndexGenerations(data);
    rebuild(builder, SourceReaders.of(catalog));
    assertThat(serving.refresh()).isTrue();
    assertThat(serving.refresh()).isFalse();
    assertThat(seen).containsExactly("gen-000001");
  }

  @Test
  void aRepeatedPrimaryKeyIsIndexedTwiceAndCounted() throws Exception {
    TestWorld.append(customersCsv, "c1,重複 太郎,,,,,,,\n");
    IndexGenerations gens = new IndexGenerations(data);
    RebuildJob job = rebuild(gens, SourceReaders.of(catalog));
    SourceStats customers = job.report().orElseThrow().sources().getFirst();
    assertThat(customers.indexed()).isEqualTo(4);
    assertThat(customers.duplicateKeys()).isEqualTo(1);
    assertThat(gens.current().orElseThrow().sources().get("orders").duplicateKeys()).isZero();
  }

  @Test
  void twoWritersNeverRunAtOnce() throws Exception {
    IndexGenerations gens = new IndexGenerations(data);
    try (IndexGenerations.WriterLock lock = gens.writerLock()) {
      RebuildJob job = rebuild(gens, SourceReaders.of(catalog));
      assertThat(job.progress().state()).isEqualTo(RebuildJob.State.FAILED);
      assertThat(job.progress().message().orElseThrow())
          .contains("another rebuild or sync is running");
    }
  }
}
