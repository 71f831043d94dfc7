package jp.kaiji.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.indexer.RebuildReport;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.match.lucene.IndexGenerations;

/**
 * Rebuilds a world end to end (read, normalize, index, commit, check) with the real {@link
 * RebuildJob}, several times, each into a fresh data directory.
 */
final class RebuildBench {
  /** One run's figures. */
  record Run(long records, long millis, long cpuMillis, long indexBytes, long peakHeap) {
    double recordsPerSecond() {
      return millis == 0 ? records : records * 1000.0 / millis;
    }

    /**
     * Records per second of CPU used by the whole process: steadier than wall time on a shared
     * machine.
     */
    double recordsPerCpuSecond() {
      return cpuMillis <= 0 ? Double.NaN : records * 1000.0 / cpuMillis;
    }
  }

  @SuppressForbidden(reason = "process CPU time is only on the JDK's own bean; -1 elsewhere")
  static long processCpuMillis() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }

  record Result(
      Stats recordsPerSecond,
      Stats recordsPerCpuSecond,
      Stats seconds,
      long records,
      double indexMbPerMillion,
      long peakHeap) {}

  static Run once(Path world, Path scratch, RebuildJob.Options options) throws Exception {
    CatalogFile catalog = SourceCatalogs.load(world.resolve("catalog.json"));
    Path data = Files.createTempDirectory(scratch, "rebuild-");
    try (HeapSampler heap = new HeapSampler()) {
      System.gc();
      IndexGenerations generations = new IndexGenerations(data);
      RebuildJob job = new RebuildJob(catalog, generations, SourceReaders.of(catalog), options);
      long t0 = System.nanoTime();
      long cpu0 = processCpuMillis();
      job.run();
      long millis = (System.nanoTime() - t0) / 1_000_000;
      long cpu = processCpuMillis() - cpu0;
      RebuildJob.Progress p = job.progress();
      if (p.state() != RebuildJob.State.SUCCEEDED) {
        throw new IOException(
            "rebuild of " + world + " failed: " + p.message().orElse(p.state().name()));
      }
      RebuildReport r = job.report().orElseThrow();
      long bytes = Worlds.size(generations.current().orElseThrow().indexDir());
      return new Run(r.rowsRead(), millis, cpu, bytes, heap.peakSampled());
    } finally {
      Worlds.deleteTree(data);
    }
  }

  static Result run(
      Path world, Path scratch, RebuildJob.Options options, int warmups, int runs, PrintStream log)
      throws Exception {
    for (int i = 0; i < warmups; i++) {
      Run r = once(world, scratch, options);
      log.printf(
          Locale.ROOT,
          "warm-up rebuild: %,d records in %.1f s (%,.0f records/s)%n",
          r.records(),
          r.millis() / 1e3,
          r.recordsPerSecond());
    }
    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    long[] millis = new long[runs];
    long records = 0;
    long bytes = 0;
    long peak = 0;
    for (int i = 0; i < runs; i++) {
      Run r = once(world, scratch, options);
      log.printf(
          Locale.ROOT,
          "rebuild %d/%d: %,d records in %.1f s (%,.0f records/s, %,.0f per CPU-second), index %,d MB, heap peak %,d MB%n",
          i + 1,
          runs,
          r.records(),
          r.millis() / 1e3,
          r.recordsPerSecond(),
          r.recordsPerCpuSecond(),
          r.indexBytes() >> 20,
          r.peakHeap() >> 20);
      rates[i] = r.recordsPerSecond();
      cpuRates[i] = r.recordsPerCpuSecond();
      millis[i] = r.millis();
      records = r.records();
      bytes = r.indexBytes();
      peak = Math.max(peak, r.peakHeap());
    }
    double mbPerMillion = records == 0 ? Double.NaN : (bytes / 1048576.0) / (records / 1e6);
    return new Result(
        Stats.of(rates), Stats.of(cpuRates), Stats.of(millis), records, mbPerMillion, peak);
  }
}
