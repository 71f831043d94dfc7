package jp.kaiji.opensearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.kaiji.fixtures.evaluate.FixtureWorld;
import jp.kaiji.fixtures.evaluate.KaijiSearch;
import jp.kaiji.fixtures.generate.FixtureRequest;
import jp.kaiji.fixtures.generate.WorldGenerator;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher on a generated fixture world gives the same answers on both backends, record for
 * record: the same records, tiers, scores, "found by" and attribute comparisons for every request,
 * after the build and again after a sync of every source. It also prints the figures of the
 * README's "Running on OpenSearch": indexing throughput and search latency of each backend on that
 * world ({@code -Dkaiji.os.persons=N} for a bigger one).
 */
class SameResultsOnBothBackendsTest {
  @RegisterExtension final TestSeed seed = new TestSeed();
  @TempDir Path dir;

  @Test
  void aFixtureWorldGivesTheSameAnswersOnLuceneAndOpenSearch() throws Exception {
    int persons = Integer.getInteger("kaiji.os.persons", 2000);
    Path world = dir.resolve("world");
    new WorldGenerator(seed.value(), persons, 200).generate(world);
    FixtureWorld loaded = FixtureWorld.load(world);
    TestCluster cluster = TestCluster.get();

    long t0 = System.nanoTime();
    try (KaijiSearch lucene =
        KaijiSearch.build(world, dir.resolve("lucene"), MatchPolicy.defaults())) {
      long luceneBuild = System.nanoTime() - t0;
      t0 = System.nanoTime();
      try (KaijiSearch os =
          KaijiSearch.buildOnOpenSearch(
              world, TestBackends.settings(cluster), dir.resolve("os"), MatchPolicy.defaults())) {
        long osBuild = System.nanoTime() - t0;
        int answered = 0;
        for (FixtureRequest r : loaded.requests()) {
          List<String> expected = tieOrderFree(lucene.explain(r.form()));
          assertThat(tieOrderFree(os.explain(r.form())))
              .as("request %s", r.id())
              .isEqualTo(expected);
          answered += expected.stream().anyMatch(l -> !l.startsWith("unusable")) ? 1 : 0;
        }
        assertThat(answered).as("requests that found records").isGreaterThan(50);

        long records = lucene.records();
        assertThat(os.records()).isEqualTo(records);
        long[] luceneNanos = latencies(lucene, loaded.requests());
        long[] osNanos = latencies(os, loaded.requests());
        System.out.printf(
            Locale.ROOT,
            "%nBackend figures: %d persons, %d records, %d requests (3-node loopback cluster, 2"
                + " shards, 1 replica; seed %d)%n%-28s %14s %10s %10s%n",
            persons,
            records,
            loaded.requests().size(),
            seed.value(),
            "backend",
            "index rec/s",
            "p50 ms",
            "p99 ms");
        print("embedded Lucene", records, luceneBuild, luceneNanos);
        print("OpenSearch 3.9.0 (3 nodes)", records, osBuild, osNanos);

        // After a sync of every source (each record deleted and written again, so the indexes
        // hold as many deleted copies as live records until merges), term statistics count live
        // records on both backends: the same answers again.
        for (var source :
            jp.kaiji.catalog.SourceCatalogs.load(world.resolve("catalog.json"))
                .catalog()
                .sources()) {
          assertThat(os.resync(source.id()).indexed())
              .isEqualTo(lucene.resync(source.id()).indexed());
        }
        List<String> differing = new ArrayList<>();
        String firstDifference = "";
        for (FixtureRequest r : loaded.requests()) {
          List<String> expected = tieOrderFree(lucene.explain(r.form()));
          List<String> got = tieOrderFree(os.explain(r.form()));
          if (!got.equals(expected)) {
            firstDifference =
                differing.isEmpty()
                    ? "embedded " + expected + "\nOpenSearch " + got
                    : firstDifference;
            differing.add(r.id());
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%nafter a sync of every source: %d of %d requests answered differently%n",
            differing.size(),
            loaded.requests().size());
        assertThat(differing)
            .as("requests answered differently after a sync: %s", firstDifference)
            .isEmpty();
      }
    }
  }

  private static final Pattern RECORD_LIST = Pattern.compile("records ([^;\\]]+)");

  /**
   * An explanation's list of record ids ("held on confirmed records a, b, ...") is a sample of at
   * most five, taken in the retrieval order of equally scored candidates, which is index order: not
   * even two embedded builds share it (two threads write). It compares by its length; every other
   * part of every line must match as it is.
   */
  static List<String> tieOrderFree(List<String> lines) {
    return lines.stream()
        .map(
            l ->
                RECORD_LIST
                    .matcher(l)
                    .replaceAll(m -> "records (" + m.group(1).split(", ").length + " listed)"))
        .toList();
  }

  private static long[] latencies(KaijiSearch search, List<FixtureRequest> requests) {
    // The comparison pass before warmed both up (JIT, connections); each timed request is a
    // fresh snapshot, as a request to the API is.
    List<Long> out = new ArrayList<>();
    for (FixtureRequest r : requests) {
      long t = System.nanoTime();
      search.explain(r.form());
      out.add(System.nanoTime() - t);
    }
    long[] a = out.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }

  private static void print(String backend, long records, long buildNanos, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %14.0f %10.2f %10.2f%n",
        backend,
        records / (buildNanos / 1e9),
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
  }
}
