package jp.kaiji.opensearch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.fixtures.generate.WorldGenerator;
import jp.kaiji.indexer.IndexAdmin;
import jp.kaiji.indexer.OpenSearchSync;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.indexer.cli.IndexerCli;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import jp.kaiji.opensearch.OpenSearchSubjectIndex;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server's admin endpoints and the work orders call, on a cluster: rebuilds as jobs,
 * generations and their counts, rollback (also from the indexer's command line), the re-read of a
 * source with its originals, and erasure from every kept generation.
 */
class AdminOnOpenSearchTest {
  @RegisterExtension final TestSeed seed = new TestSeed();
  @TempDir Path dir;

  @Test
  void rebuildJobsGenerationsAndRollbackFromTheAdminAndTheCommandLine() throws Exception {
    Path world = dir.resolve("world");
    new WorldGenerator(seed.value(), 120, 10).generate(world);
    CatalogFile catalog = SourceCatalogs.load(world.resolve("catalog.json"));
    OpenSearchSettings settings = TestBackends.settings(TestCluster.get());
    Path config = dir.resolve("kaiji-server.json");
    Files.writeString(config, configJson(settings), StandardCharsets.UTF_8);
    try (Cluster cluster = Cluster.connect(settings);
        IndexAdmin admin =
            IndexAdmin.onOpenSearch(
                new OpenSearchGenerations(cluster, settings), dir.resolve("data"), () -> catalog)) {
      assertThat(admin.current()).isEmpty();
      RebuildJob.Progress first = awaitJob(admin, admin.startRebuild());
      RebuildJob.Progress second = awaitJob(admin, admin.startRebuild());
      assertThat(second.state()).isEqualTo(RebuildJob.State.SUCCEEDED);
      assertThat(second.sources())
          .allSatisfy(s -> assertThat(s.state().name()).isEqualTo("DONE"))
          .hasSize(catalog.catalog().sources().size());

      String g1 = first.generation().orElseThrow();
      String g2 = second.generation().orElseThrow();
      assertThat(admin.generations()).extracting(GenerationInfo::id).containsExactly(g1, g2);
      GenerationInfo current = admin.current().orElseThrow();
      assertThat(current.id()).isEqualTo(g2);
      Map<String, Long> indexed =
          second.report().orElseThrow().sources().stream()
              .collect(Collectors.toMap(s -> s.source(), s -> s.indexed()));
      assertThat(current.sources().values())
          .allSatisfy(s -> assertThat(s.indexed()).isEqualTo(indexed.get(s.source())));

      // The indexer's rollback on the cluster, as an operator runs it.
      assertThat(cli("rollback", "--config", config.toString())).isEqualTo("0 " + g1);
      assertThat(admin.current().orElseThrow().id()).isEqualTo(g1);
      // Nothing older is kept: refused, the alias stays.
      assertThat(cli("rollback", "--config", config.toString())).startsWith("1 ");
      assertThat(admin.current().orElseThrow().id()).isEqualTo(g1);
      assertThatThrownBy(admin::rollback).hasMessageContaining("no kept generation older than");
    }
  }

  @Test
  void aSourceIsReReadWithItsOriginalsAndErasedFromEveryKeptGeneration() throws Exception {
    Path world = dir.resolve("world");
    new WorldGenerator(seed.value(), 120, 10).generate(world);
    CatalogFile catalog = SourceCatalogs.load(world.resolve("catalog.json"));
    OpenSearchSettings settings = TestBackends.settings(TestCluster.get());
    try (Cluster cluster = Cluster.connect(settings)) {
      OpenSearchGenerations generations = new OpenSearchGenerations(cluster, settings);
      IndexAdmin admin = IndexAdmin.onOpenSearch(generations, dir.resolve("data"), () -> catalog);
      awaitJob(admin, admin.startRebuild());
      awaitJob(admin, admin.startRebuild());
      admin.close();
      OpenSearchSubjectIndex index = new OpenSearchSubjectIndex(cluster, settings.alias());
      List<IndexedRecord> two;
      String source = catalog.catalog().sources().getFirst().id();
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        two =
            s.find(
                SubjectIndex.CandidateQuery.exactly(
                    List.of(new SubjectIndex.KeyTerm(IndexSchema.SOURCE_ID, source))),
                2);
      }
      assertThat(two).hasSize(2);
      String erased = two.get(0).primaryKey();
      String kept = two.get(1).primaryKey();

      OpenSearchSync sync = new OpenSearchSync(catalog, generations, dir.resolve("data"));
      sync.resync(source);
      Map<String, java.util.Optional<String>> originals =
          sync.originals(source, List.of(kept, "no-such-key"));
      assertThat(originals.get(kept)).contains(two.get(1).originalJson());
      assertThat(originals.get("no-such-key")).isEmpty();

      List<OpenSearchSync.Purged> purged = sync.purge(Map.of(source, Set.of(erased)));
      System.out.println("erasure on the cluster: " + purged);
      assertThat(purged)
          .as("both kept generations held the record; no live copy is left in either")
          .hasSize(2)
          .allSatisfy(
              p -> {
                assertThat(p.removed()).isEqualTo(1);
                assertThat(p.live()).isZero();
                assertThat(p.deletedKept()).isNotNegative();
              });
      assertThat(sync.originals(source, List.of(erased)).get(erased)).isEmpty();
      assertThat(generations.rollback()).isNotNull();
      assertThat(sync.originals(source, List.of(erased)).get(erased))
          .as("the rolled-back generation does not bring it back")
          .isEmpty();
    }
  }

  private static RebuildJob.Progress awaitJob(IndexAdmin admin, String id) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < end) {
      RebuildJob.Progress p = admin.job(id).orElseThrow();
      if (p.state() != RebuildJob.State.PENDING && p.state() != RebuildJob.State.RUNNING) {
        assertThat(p.state()).as("%s: %s", id, p.message()).isEqualTo(RebuildJob.State.SUCCEEDED);
        return p;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("rebuild job " + id + " did not finish");
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = IndexerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return code + " " + (code == 0 ? out.toString().strip() : err.toString().strip());
  }

  private static String configJson(OpenSearchSettings settings) {
    return "{\"index\": {\"kind\": \"opensearch\", \"hosts\": ["
        + settings.hosts().stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(", "))
        + "], \"alias\": \""
        + settings.alias()
        + "\", \"shards\": "
        + settings.shards()
        + ", \"replicas\": "
        + settings.replicas()
        + "}}";
  }
}
