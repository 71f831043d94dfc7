package jp.kaiji.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.source.SourceReader;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.opensearch.BulkWriter;
import jp.kaiji.opensearch.OpenSearchGenerations;

/**
 * A rebuild into an OpenSearch cluster: the embedded rebuild's reading, normalizing and documents
 * ({@link SourceIndexer}), written with a {@link BulkWriter} into a new index nobody reads; then
 * the counts are checked per source and the alias moves atomically ({@link
 * OpenSearchGenerations#publish}). Any failure deletes the new index and leaves the alias where it
 * was. Quarantine files go to a local folder, one per generation.
 */
public final class OpenSearchRebuild {
  private final CatalogFile catalog;
  private final OpenSearchGenerations generations;
  private final SourceReaders readers;
  private final Path quarantineRoot;
  private final int threads;
  private final Map<String, SourceProgress> progress = new LinkedHashMap<>();

  public OpenSearchRebuild(
      CatalogFile catalog,
      OpenSearchGenerations generations,
      SourceReaders readers,
      Path quarantineRoot,
      int threads) {
    this.catalog = catalog;
    this.generations = generations;
    this.readers = readers;
    this.quarantineRoot = quarantineRoot;
    this.threads = Math.max(1, threads);
    catalog.catalog().sources().forEach(s -> progress.put(s.id(), new SourceProgress(s.id())));
  }

  /** Each source's progress, for a caller watching from another thread. */
  public List<SourceProgress.Snapshot> progress() {
    return progress.values().stream().map(SourceProgress::snapshot).toList();
  }

  public OpenSearchRebuild(CatalogFile catalog, OpenSearchGenerations generations, Path dataDir) {
    this(catalog, generations, SourceReaders.of(catalog), dataDir.resolve("opensearch"), 2);
  }

  /** Builds, checks and switches in a new generation; throws with the alias unchanged. */
  public RebuildReport run() throws IOException {
    Instant started = Instant.now();
    OpenSearchGenerations.Pending pending = generations.begin();
    Path quarantineDir = quarantineRoot.resolve(pending.id()).resolve("quarantine");
    ExecutorService pool =
        threads > 1 ? Executors.newFixedThreadPool(threads, RebuildJob.named("kaiji-os")) : null;
    boolean published = false;
    try {
      Files.createDirectories(quarantineDir);
      List<SourceStats> stats = new ArrayList<>();
      Map<String, Long> expected = new LinkedHashMap<>();
      try (BulkWriter writer = generations.writer(pending)) {
        SourceIndexer indexer = new SourceIndexer(pool, threads, () -> false);
        for (SourceDefinition source : catalog.catalog().sources()) {
          try (SourceReader reader = readers.open(source);
              QuarantineLog quarantine =
                  new QuarantineLog(QuarantineLog.fileOf(quarantineDir.getParent(), source.id()))) {
            SourceStats s =
                indexer.index(source, reader, writer::add, quarantine, progress.get(source.id()));
            if (s.indexed() != s.rowsRead() - s.unindexable()) {
              throw new IOException("check failed for source '" + source.id() + "'");
            }
            stats.add(s);
            expected.put(source.id(), s.indexed());
          }
        }
      }
      generations.publish(pending, expected);
      published = true;
      Instant finished = Instant.now();
      long millis = Duration.between(started, finished).toMillis();
      long rows = stats.stream().mapToLong(SourceStats::rowsRead).sum();
      return new RebuildReport(
          pending.index(),
          started.toString(),
          finished.toString(),
          millis,
          rows,
          millis == 0 ? rows : rows * 1000.0 / millis,
          stats,
          quarantineDir.toString());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      if (!published) {
        abandon(pending);
      }
    }
  }

  // The alias may have moved before a later step failed: then the generation serves and stays.
  private void abandon(OpenSearchGenerations.Pending pending) {
    try {
      if (!generations.current().map(pending.index()::equals).orElse(false)) {
        generations.discard(pending);
      }
    } catch (IOException e) {
      System.getLogger(OpenSearchRebuild.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "cannot delete the abandoned generation " + pending.index() + ": " + e.getMessage());
    }
  }
}
