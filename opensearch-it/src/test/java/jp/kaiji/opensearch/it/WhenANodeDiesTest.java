package jp.kaiji.opensearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.fixtures.evaluate.FixtureWorld;
import jp.kaiji.fixtures.evaluate.KaijiSearch;
import jp.kaiji.fixtures.generate.FixtureRequest;
import jp.kaiji.fixtures.generate.WorldGenerator;
import jp.kaiji.indexer.OpenSearchRebuild;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 (SIGKILL) of the data node holding a primary, during a search load and during a rebuild.
 * Searches keep answering, with the same answers, from the replicas; a rebuild either completes
 * (counts checked) or fails with the alias where it was, within a bounded time (a hang fails the
 * test and prints every thread). Runs last (the build runs test classes in alphabetical order): the
 * second killed node is not restarted.
 */
class WhenANodeDiesTest {
  @RegisterExtension final TestSeed seed = new TestSeed();
  @TempDir Path dir;

  @Test
  void searchesAndRebuildsSurviveTheLossOfADataNode() throws Exception {
    TestCluster cluster = TestCluster.get();
    Path world = dir.resolve("world");
    new WorldGenerator(seed.value(), 600, 60).generate(world);
    List<FixtureRequest> requests = FixtureWorld.load(world).requests();
    OpenSearchSettings settings = TestBackends.settings(cluster);
    try (KaijiSearch search =
            KaijiSearch.buildOnOpenSearch(
                world, settings, dir.resolve("os"), MatchPolicy.defaults());
        Cluster client = Cluster.connect(settings)) {
      Map<String, List<String>> expected = new HashMap<>();
      requests.forEach(r -> expected.put(r.id(), search.explain(r.form())));
      OpenSearchGenerations generations = new OpenSearchGenerations(client, settings);
      String serving = generations.current().orElseThrow();

      // 1. Two threads search without pause; the node holding shard 0's primary dies under them.
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService load = Executors.newFixedThreadPool(2);
      List<Future<?>> loaders = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        loaders.add(
            load.submit(
                () -> {
                  for (int i = offset; !stop.get(); i++) {
                    FixtureRequest r = requests.get(i % requests.size());
                    List<String> got = search.explain(r.form());
                    if (!got.equals(expected.get(r.id()))) {
                      wrong.add(r.id());
                    }
                    answered.incrementAndGet();
                  }
                  return null;
                }));
      }
      Thread.sleep(1_500);
      int victim = primaryHolder(client, serving);
      cluster.kill9(victim);
      int atKill = answered.get();
      Thread.sleep(8_000);
      stop.set(true);
      for (Future<?> f : loaders) {
        f.get(); // a search that threw fails the test here
      }
      load.shutdown();
      System.out.printf(
          java.util.Locale.ROOT,
          "%nkill -9 of node n%d under search load: %d searches answered before, %d after, %d"
              + " different%n",
          victim,
          atKill,
          answered.get() - atKill,
          wrong.size());
      assertThat(answered.get() - atKill).as("searches answered after the kill").isPositive();
      assertThat(wrong).as("answers that changed").isEmpty();

      // 2. The node comes back; then a node dies in the middle of a rebuild.
      cluster.start(victim);
      cluster.awaitNodes(TestCluster.NODES, Duration.ofMinutes(3));
      CatalogFile catalog = SourceCatalogs.load(world.resolve("catalog.json"));
      List<String> before = generations.list();
      ExecutorService rebuild = Executors.newSingleThreadExecutor();
      long t0 = System.nanoTime();
      Future<?> job =
          rebuild.submit(
              () -> new OpenSearchRebuild(catalog, generations, dir.resolve("os2")).run());
      String building = awaitNewIndex(generations, before);
      awaitDocuments(client, building);
      int second = primaryHolder(client, building);
      cluster.kill9(second);
      long killedAt = System.nanoTime();
      System.out.println("killed n" + second + " at " + java.time.Instant.now());
      String outcome;
      try {
        job.get(4, java.util.concurrent.TimeUnit.MINUTES); // a hang fails the test
        outcome = "completed";
        assertThat(generations.current()).contains(building);
      } catch (java.util.concurrent.ExecutionException e) {
        outcome = "failed cleanly (" + e.getCause().getMessage() + ")";
        assertThat(generations.current()).as("the alias stays").contains(serving);
      } catch (java.util.concurrent.TimeoutException e) {
        Thread.getAllStackTraces()
            .forEach(
                (t, st) -> {
                  System.out.println("THREAD " + t.getName());
                  for (StackTraceElement el : st) {
                    System.out.println("    at " + el);
                  }
                });
        throw e;
      }
      rebuild.shutdown();
      System.out.printf(
          java.util.Locale.ROOT,
          "kill -9 of node n%d during a rebuild: %s, %.1f s after the kill (%.1f s in all)%n",
          second,
          outcome,
          (System.nanoTime() - killedAt) / 1e9,
          (System.nanoTime() - t0) / 1e9);
      for (FixtureRequest r : requests) {
        assertThat(search.explain(r.form()))
            .as("request %s", r.id())
            .isEqualTo(expected.get(r.id()));
      }
    }
  }

  /** The test node (0..2) holding the primary of shard 0 of {@code index}. */
  private static int primaryHolder(Cluster client, String index) throws Exception {
    JsonNode shards =
        client.call(
            "GET",
            "/_cat/shards/" + index,
            Map.of("format", "json", "h", "shard,prirep,node"),
            null);
    for (JsonNode s : shards) {
      if (s.path("shard").asText().equals("0") && s.path("prirep").asText().equals("p")) {
        return Integer.parseInt(s.path("node").asText().substring(1));
      }
    }
    throw new IllegalStateException("no primary of shard 0 of " + index + ": " + shards);
  }

  /** Waits until the first documents reach {@code index}: the rebuild is writing. */
  private static void awaitDocuments(Cluster client, String index) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < end) {
      try {
        JsonNode stats = client.call("GET", "/" + index + "/_stats/indexing", null);
        if (stats.path("_all").path("total").path("indexing").path("index_total").asLong() > 0) {
          return;
        }
      } catch (java.io.IOException e) {
        // not created yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the rebuild wrote nothing into " + index);
  }

  static String awaitNewIndex(OpenSearchGenerations generations, List<String> before)
      throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < end) {
      for (String i : generations.list()) {
        if (!before.contains(i)) {
          Thread.sleep(300); // some documents on the way
          return i;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the rebuild created no index");
  }
}
