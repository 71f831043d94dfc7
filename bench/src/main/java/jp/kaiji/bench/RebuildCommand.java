package jp.kaiji.bench;

import static jp.kaiji.bench.BenchCli.header;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.fixtures.evaluate.FixtureWorld;
import jp.kaiji.indexer.RebuildJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = "Rebuild a generated world end to end, several times.")
final class RebuildCommand implements Callable<Integer> {
  @Mixin BenchCli.WorldOptions world;

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
