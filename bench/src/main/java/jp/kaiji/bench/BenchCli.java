package jp.kaiji.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.fixtures.evaluate.FixtureWorld;
import jp.kaiji.fixtures.generate.FixtureRequest;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.query.SubjectQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The bench command line: {@code rebuild}, {@code search} and {@code normalizers}. Figures go to
 * standard output as tables; progress to standard error.
 *
 * <p>{@code rebuild} and {@code search} run in a child JVM with {@code -Xmx2g} (the heap the
 * targets allow) unless already in one; {@code KAIJI_BENCH_XMX} changes the heap and {@code
 * KAIJI_BENCH_JVM_OPTS} adds options (e.g. a JFR recording).
 */
@Command(
    name = "kaiji-bench",
    mixinStandardHelpOptions = true,
    subcommands = {BenchCli.Rebuild.class, BenchCli.Search.class, NormalizersCommand.class},
    description =
        "Benchmarks: rebuild throughput, subject search latency, normalizer throughput, against baselines.")
public final class BenchCli {
  static final String CHILD = "kaiji.bench.child";

  public static void main(String[] args) throws Exception {
    boolean heavy = args.length > 0 && (args[0].equals("rebuild") || args[0].equals("search"));
    if (heavy && System.getProperty(CHILD) == null && !List.of(args).contains("--help")) {
      System.exit(child(args));
    }
    System.exit(new CommandLine(new BenchCli()).execute(args));
  }

  private static int child(String[] args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getenv().getOrDefault("KAIJI_BENCH_XMX", "2g"));
    cmd.add("-D" + CHILD + "=1");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    String extra = System.getenv("KAIJI_BENCH_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.strip().split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path") + File.pathSeparator + classpathOfManifest());
    cmd.add(BenchCli.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  /** With {@code java -jar}, the class path is the jar; its manifest lists lib/*.jar. */
  private static String classpathOfManifest() throws Exception {
    Path jar = Path.of(BenchCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(jar)) {
      return "";
    }
    try (var j = new java.util.jar.JarFile(jar.toFile())) {
      String cp = j.getManifest().getMainAttributes().getValue("Class-Path");
      if (cp == null) {
        return "";
      }
      List<String> out = new ArrayList<>();
      for (String e : cp.strip().split("\\s+")) {
        out.add(jar.getParent().resolve(e).toString());
      }
      return String.join(File.pathSeparator, out);
    }
  }

  /** Options both heavy commands share. */
  static final class WorldOptions {
    @Option(
        names = "--persons",
        required = true,
        description = "persons in the generated world (about 2.9 records each)")
    long persons;

    @Option(
        names = "--seed",
        defaultValue = "7",
        description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--requests",
        defaultValue = "400",
        description = "about how many requests to generate (default ${DEFAULT-VALUE})")
    int requests;

    @Option(
        names = "--cache",
        defaultValue = "${sys:java.io.tmpdir}/kaiji-bench",
        description = "where worlds and indexes are kept between runs (default ${DEFAULT-VALUE})")
    Path cache;
  }

  static void header(PrintStream out, String what) {
    Runtime rt = Runtime.getRuntime();
    out.printf(
        Locale.ROOT,
        "kaiji bench %s: %d cores, Java %s (%s), max heap %,d MB, %s %s%n",
        what,
        rt.availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() >> 20,
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      description = "Rebuild a generated world end to end, several times.")
  static final class Rebuild implements Callable<Integer> {
    @Mixin WorldOptions world;

    @Option(
        names = "--runs",
        defaultValue = "3",
        description = "timed rebuilds (default ${DEFAULT-VALUE})")
    int runs;

    @Option(
        names = "--warmups",
        defaultValue = "0",
        description = "untimed rebuilds first (default ${DEFAULT-VALUE})")
    int warmups;

    @Option(
        names = "--threads",
        description = "indexing workers (default: the indexer's own, min(2, cores))")
    Integer threads;

    @Option(
        names = "--ram-buffer-mb",
        description = "the IndexWriter's RAM buffer (default: the indexer's own)")
    Double ramBufferMb;

    @Option(
        names = "--segments",
        description = "segments the generation is merged down to (default: the indexer's own)")
    Integer segments;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      header(out, "rebuild");
      Path dir = Worlds.world(world.cache, world.persons, world.seed, world.requests, System.err);
      RebuildJob.Options d = RebuildJob.Options.defaults();
      RebuildJob.Options options =
          new RebuildJob.Options(
              threads == null ? d.threads() : threads,
              ramBufferMb == null ? d.ramBufferMb() : ramBufferMb,
              segments == null ? d.segments() : segments);
      Path scratch = Files.createDirectories(world.cache.resolve("scratch"));
      RebuildBench.Result r = RebuildBench.run(dir, scratch, options, warmups, runs, System.err);
      // The same-run baseline: plain Lucene (StandardAnalyzer, one thread) indexing the same raw
      // records, so that the ratio survives the load of other processes on the machine.
      SourceCatalog catalog = FixtureWorld.readCatalog(dir.resolve("catalog.json"));
      double[] ftRates = new double[runs];
      double[] ftCpuRates = new double[runs];
      for (int i = 0; i < runs; i++) {
        Path ftDir = Files.createTempDirectory(scratch, "fulltext-");
        try {
          FullTextBaseline.Build[] built = new FullTextBaseline.Build[1];
          long cpu0 = RebuildBench.processCpuMillis();
          FullTextBaseline.open(catalog, dir, ftDir, built).close();
          long cpu = RebuildBench.processCpuMillis() - cpu0;
          ftRates[i] = built[0].records() * 1000.0 / Math.max(1, built[0].millis());
          ftCpuRates[i] = cpu <= 0 ? Double.NaN : built[0].records() * 1000.0 / cpu;
          System.err.printf(
              Locale.ROOT,
              "baseline full-text index %d/%d: %,d records in %.1f s (%,.0f records/s)%n",
              i + 1,
              runs,
              built[0].records(),
              built[0].millis() / 1e3,
              ftRates[i]);
        } finally {
          Worlds.deleteTree(ftDir);
        }
      }
      Stats ft = Stats.of(ftRates);
      Stats ftCpu = Stats.of(ftCpuRates);
      new Table(
              "rebuild, "
                  + world.persons
                  + " persons, "
                  + String.format(Locale.ROOT, "%,d", r.records())
                  + " records, "
                  + options.threads()
                  + " workers, merged to "
                  + (options.segments() == 0 ? "as written" : options.segments() + " segment(s)")
                  + ", "
                  + runs
                  + " runs",
              "figure",
              "median",
              "p99 (max)",
              "unit")
          .row(
              "end-to-end throughput",
              r.recordsPerSecond().median(),
              r.recordsPerSecond().p99(),
              "records/s")
          .row(
              "records per CPU-second (all threads)",
              r.recordsPerCpuSecond().median(),
              r.recordsPerCpuSecond().p99(),
              "records/CPU-s")
          .row("rebuild time", r.seconds().median() / 1e3, r.seconds().p99() / 1e3, "s")
          .row(
              "peak heap used (sampled)",
              (double) (r.peakHeap() >> 20),
              "",
              "MB of " + (HeapSampler.maxHeap() >> 20))
          .row("index on disk", r.indexMbPerMillion(), "", "MB per million records")
          .row("baseline: StandardAnalyzer full text, 1 thread", ft.median(), ft.p99(), "records/s")
          .row("baseline per CPU-second", ftCpu.median(), ftCpu.p99(), "records/CPU-s")
          .row(
              "Kaiji / baseline (medians)",
              r.recordsPerSecond().median() / ft.median(),
              "",
              "x (records/s)")
          .print(out);
      return 0;
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description =
          "Subject search latency in-process and over HTTP, with the exact-key file scan and plain full-text baselines.")
  static final class Search implements Callable<Integer> {
    @Mixin WorldOptions world;

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
          Locale.ROOT,
          "file-scan baseline: %d requests ...%n",
          Math.min(scanRequests, forms.size()));
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
                  "%d errors; server CPU %.2f ms per search; start-up to first answer %,d ms",
                  http.errors(),
                  served.serverCpuMillisPerSearch(),
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
  }
}
