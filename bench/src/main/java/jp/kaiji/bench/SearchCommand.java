package jp.kaiji.bench;

import static jp.kaiji.bench.BenchCli.header;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.fixtures.evaluate.FixtureWorld;
import jp.kaiji.fixtures.generate.FixtureRequest;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.query.SubjectQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Subject search latency in-process and over HTTP, with the exact-key file scan and plain full-text baselines.")
final class SearchCommand implements Callable<Integer> {
  @Mixin BenchCli.WorldOptions world;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description =
          "timed passes over the requests, after the warm-up passes (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--warmups",
      defaultValue = "1",
      description =
          "untimed passes over the requests before the timed ones, in-process, over HTTP and for the full-text baseline; the HTTP server's JIT needs several to settle (default ${DEFAULT-VALUE})")
  int warmups;

  @Option(
      names = "--clients",
      defaultValue = "4",
      description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--scan-requests",
      defaultValue = "3",
      description =
          "requests given to the file-scan baseline, which reads every source per request (default ${DEFAULT-VALUE})")
  int scanRequests;

  @Option(names = "--reindex", description = "rebuild the cached Kaiji and full-text indexes")
  boolean reindex;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    header(out, "search");
    Path dir = Worlds.world(world.cache, world.persons, world.seed, world.requests, System.err);
    SourceCatalog catalog = FixtureWorld.readCatalog(dir.resolve("catalog.json"));
    List<SubjectQuery> forms =
        FixtureWorld.readRequests(dir.resolve("requests.jsonl")).stream()
            .map(FixtureRequest::form)
            .toList();
    Path root = world.cache.resolve("search-" + dir.getFileName());
    if (reindex) {
      Worlds.deleteTree(root);
    }
    IndexGenerations generations = new IndexGenerations(root.resolve("kaiji").resolve("index"));
    if (generations.current().isEmpty()) {
      System.err.println("indexing the world for Kaiji ...");
      RebuildJob job =
          new RebuildJob(SourceCatalogs.load(dir.resolve("catalog.json")), generations);
      job.run();
      if (job.progress().state() != RebuildJob.State.SUCCEEDED) {
        System.err.println("rebuild failed: " + job.progress().message().orElse(""));
        return 1;
      }
    }
    System.err.printf(
        Locale.ROOT, "in-process: %d requests x %d rounds ...%n", forms.size(), rounds);
    CountingSnapshot.Counts counts = new CountingSnapshot.Counts();
    SearchBench.Passes passes = new SearchBench.Passes(warmups, rounds);
    SearchBench.InProcess local = SearchBench.inProcess(generations, forms, passes, counts);
    SearchBench.Latency kaiji = local.latency();
    double searches = Math.max(1, kaiji.millis().count() - kaiji.errors() * rounds);
    System.err.printf(Locale.ROOT, "HTTP: %d clients ...%n", clients);
    SearchBench.Http served =
        SearchBench.http(
            dir.resolve("catalog.json"),
            root.resolve("kaiji"),
            forms,
            passes,
            clients,
            Files.createDirectories(world.cache.resolve("scratch")));
    SearchBench.Latency http = served.latency();

    System.err.println("full-text baseline ...");
    FullTextBaseline.Build[] built = new FullTextBaseline.Build[1];
    long[] ft;
    try (FullTextBaseline fullText =
        FullTextBaseline.open(catalog, dir, root.resolve("fulltext"), built)) {
      for (int warmup = 0; warmup < warmups; warmup++) {
        for (SubjectQuery f : forms) {
          fullText.search(f);
        }
      }
      ft = new long[rounds * forms.size()];
      int n = 0;
      for (int round = 0; round < rounds; round++) {
        for (SubjectQuery f : forms) {
          long t0 = System.nanoTime();
          fullText.search(f);
          ft[n++] = System.nanoTime() - t0;
        }
      }
    }
    Stats fullText = Stats.of(ft).millis();

    System.err.printf(
        Locale.ROOT, "file-scan baseline: %d requests ...%n", Math.min(scanRequests, forms.size()));
    FileScanBaseline scan = new FileScanBaseline(catalog, dir);
    List<SubjectQuery> withKeys =
        forms.stream()
            .filter(f -> !f.phones().isEmpty() || !f.emails().isEmpty())
            .limit(scanRequests)
            .toList();
    long[] sc = new long[withKeys.size()];
    for (int i = 0; i < sc.length; i++) {
      long t0 = System.nanoTime();
      scan.search(withKeys.get(i));
      sc[i] = System.nanoTime() - t0;
    }
    Stats fileScan = Stats.of(sc).millis();

    String title =
        String.format(
            Locale.ROOT,
            "subject search, %d persons, %,d records, %d requests x %d rounds after %d warm-up",
            world.persons,
            generations.current().orElseThrow().sources().values().stream()
                .mapToLong(s -> s.indexed())
                .sum(),
            forms.size(),
            rounds,
            warmups);
    new Table(title, "search", "median ms", "p99 ms", "searches/s", "samples", "note")
        .row(
            "Kaiji in-process (1 thread)",
            kaiji.millis().median(),
            kaiji.millis().p99(),
            kaiji.perSecond(),
            kaiji.millis().count(),
            String.format(
                Locale.ROOT,
                "%d forms unreadable (400); CPU %.2f ms per search; index queries per search"
                    + " %.1f (find %.1f, referencing %.1f), records returned %.0f",
                kaiji.errors(),
                local.cpuMillisPerSearch(),
                counts.queries() / searches,
                counts.finds.sum() / searches,
                counts.referencing.sum() / searches,
                counts.records.sum() / searches))
        .row(
            "Kaiji over HTTP (" + clients + " clients in another JVM)",
            http.millis().median(),
            http.millis().p99(),
            http.perSecond(),
            http.millis().count(),
            String.format(
                Locale.ROOT,
                "%d errors; server CPU %.2f ms per search%s; clients' CPU %.2f ms per search;"
                    + " start-up to first answer %,d ms",
                http.errors(),
                served.serverCpuMillisPerSearch(),
                byThreads(served.serverCpuMillisByThreads(), http.millis().count()),
                served.clientCpuMillisPerSearch(),
                served.startupMillis()))
        .row(
            "baseline: exact-key file scan",
            fileScan.median(),
            fileScan.p99(),
            1000 / fileScan.median(),
            fileScan.count(),
            "reads every source per request")
        .row(
            "baseline: StandardAnalyzer full text",
            fullText.median(),
            fullText.p99(),
            1000 / fullText.median(),
            fullText.count(),
            built[0] == null
                ? "cached index"
                : String.format(
                    Locale.ROOT,
                    "indexed %,d records at %,.0f/s",
                    built[0].records(),
                    built[0].records() * 1000.0 / Math.max(1, built[0].millis())))
        .print(out);
    new Table(
            "ratios (baseline latency / Kaiji in-process latency; >1 means Kaiji is faster)",
            "baseline",
            "median",
            "p99")
        .row(
            "exact-key file scan",
            fileScan.median() / kaiji.millis().median(),
            fileScan.p99() / kaiji.millis().p99())
        .row(
            "StandardAnalyzer full text",
            fullText.median() / kaiji.millis().median(),
            fullText.p99() / kaiji.millis().p99())
        .print(out);
    return 0;
  }

  /** " (request threads 4.10, JIT 2.20, …)": where the server's CPU per search went. */
  private static String byThreads(Map<String, Long> millis, long searches) {
    if (millis.isEmpty() || searches == 0) {
      return "";
    }
    StringBuilder s = new StringBuilder(" (");
    for (String kind : ThreadCpu.KINDS) {
      s.append(s.length() > 2 ? ", " : "")
          .append(kind)
          .append(
              String.format(
                  Locale.ROOT, " %.2f", millis.getOrDefault(kind, 0L) / (double) searches));
    }
    return s.append(')').toString();
  }
}
