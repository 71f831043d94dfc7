package jp.kaiji.opensearch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.fixtures.generate.WorldGenerator;
import jp.kaiji.indexer.OpenSearchRebuild;
import jp.kaiji.indexer.OpenSearchSync;
import jp.kaiji.indexer.RebuildReport;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.opensearch.BulkWriter;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import jp.kaiji.opensearch.OpenSearchSubjectIndex;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Zero-downtime rebuilds: one index per generation behind an alias that moves atomically. */
class GenerationsTest {
  @RegisterExtension final TestSeed seed = new TestSeed();
  @TempDir Path dir;

  @Test
  void rebuildsSwitchTheAliasKeepThePreviousAndRollBack() throws Exception {
    Path world = dir.resolve("world");
    new WorldGenerator(seed.value(), 120, 10).generate(world);
    CatalogFile catalog = SourceCatalogs.load(world.resolve("catalog.json"));
    OpenSearchSettings settings = TestBackends.settings(TestCluster.get());
    try (Cluster cluster = Cluster.connect(settings)) {
      OpenSearchGenerations generations = new OpenSearchGenerations(cluster, settings);
      OpenSearchSubjectIndex index = new OpenSearchSubjectIndex(cluster, settings.alias());
      assertThat(index.acquire()).isEmpty();

      RebuildReport first = new OpenSearchRebuild(catalog, generations, dir).run();
      RebuildReport second = new OpenSearchRebuild(catalog, generations, dir).run();
      assertThat(generations.current()).contains(second.generation());
      assertThat(generations.list()).containsExactly(first.generation(), second.generation());
      long records;
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        records = s.docCount();
        assertThat(records).isEqualTo(first.rowsRead() - unindexable(first)).isPositive();
        assertThat(s.recordsPerSource().values().stream().mapToLong(Long::longValue).sum())
            .isEqualTo(records);
      }

      RebuildReport third = new OpenSearchRebuild(catalog, generations, dir).run();
      assertThat(generations.list())
          .as("the one before the previous is deleted")
          .containsExactly(second.generation(), third.generation());
      assertThat(generations.rollback()).isEqualTo(second.generation());
      assertThat(generations.current()).contains(second.generation());

      // A generation whose counts do not check out never serves, and is deleted.
      OpenSearchGenerations.Pending bad = generations.begin();
      try (BulkWriter w = generations.writer(bad)) {
        w.flush();
      }
      assertThatThrownBy(() -> generations.publish(bad, Map.of("nikkodo-customers", 1L)))
          .hasMessageContaining("check failed");
      generations.discard(bad);
      assertThat(generations.current()).contains(second.generation());
      assertThat(generations.list()).doesNotContain(bad.index());
      index.refresh();
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        assertThat(s.docCount()).isEqualTo(records);
      }
    }
  }

  @Test
  void syncReplacesOneSourceAndDeletesByKeyThroughTheSamePath() throws Exception {
    Path world = dir.resolve("world");
    new WorldGenerator(seed.value(), 120, 10).generate(world);
    CatalogFile catalog = SourceCatalogs.load(world.resolve("catalog.json"));
    OpenSearchSettings settings = TestBackends.settings(TestCluster.get());
    try (Cluster cluster = Cluster.connect(settings)) {
      OpenSearchGenerations generations = new OpenSearchGenerations(cluster, settings);
      OpenSearchSubjectIndex index = new OpenSearchSubjectIndex(cluster, settings.alias());
      RebuildReport built = new OpenSearchRebuild(catalog, generations, dir).run();
      var source = built.sources().stream().filter(s -> s.indexed() > 1).findFirst().orElseThrow();
      String pk;
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        assertThat(s.recordsPerSource()).containsEntry(source.source(), source.indexed());
        pk =
            s.find(
                    SubjectIndex.CandidateQuery.exactly(
                        java.util.List.of(
                            new SubjectIndex.KeyTerm(
                                jp.kaiji.schema.IndexSchema.SOURCE_ID, source.source()))),
                    1)
                .getFirst()
                .primaryKey();
      }
      OpenSearchSync sync = new OpenSearchSync(catalog, generations, dir);
      assertThat(sync.resync(source.source()).indexed()).isEqualTo(source.indexed());
      assertThat(generations.current()).contains(built.generation());
      assertThat(sync.delete(source.source(), java.util.List.of(pk, "no-such-key")))
          .isEqualTo(source.indexed() - 1);
      try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
        assertThat(s.get(source.source(), pk)).isEmpty();
        assertThat(s.recordsPerSource()).containsEntry(source.source(), source.indexed() - 1);
      }
    }
  }

  @Test
  void aGenerationAnEarlierVersionBuiltTakesTheFieldsItLacksBeforeASync() throws Exception {
    OpenSearchSettings settings = TestBackends.settings(TestCluster.get());
    try (Cluster cluster = Cluster.connect(settings)) {
      OpenSearchGenerations generations = new OpenSearchGenerations(cluster, settings);
      String index = settings.alias() + "-earlier";
      var mappings = jp.kaiji.opensearch.IndexMapping.mappings();
      ((com.fasterxml.jackson.databind.node.ObjectNode) mappings.path("properties"))
          .remove(jp.kaiji.schema.IndexSchema.NAME_WORD);
      var body = Cluster.object();
      body.set("mappings", mappings);
      cluster.call("PUT", "/" + index, body);
      var doc = Cluster.object();
      doc.putArray(jp.kaiji.schema.IndexSchema.NAME_WORD).add("garcia").add("maria");
      assertThatThrownBy(() -> cluster.call("PUT", "/" + index + "/_doc/1", doc))
          .as("strict: a field the mapping lacks is refused")
          .isInstanceOf(Cluster.ClusterException.class);

      assertThat(generations.addMissingFields(index))
          .containsExactly(jp.kaiji.schema.IndexSchema.NAME_WORD);
      cluster.call("PUT", "/" + index + "/_doc/1", doc);
      assertThat(generations.addMissingFields(index)).isEmpty();
      cluster.call("DELETE", "/" + index, null);
    }
  }

  private static long unindexable(RebuildReport r) {
    return r.sources().stream().mapToLong(s -> s.unindexable()).sum();
  }
}
