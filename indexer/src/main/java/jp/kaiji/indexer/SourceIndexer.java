package jp.kaiji.indexer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.source.HeaderCheck;
import jp.kaiji.indexer.source.SourceItem;
import jp.kaiji.indexer.source.SourceReader;
import jp.kaiji.indexer.source.SourceUnavailableException;
import jp.kaiji.match.lucene.RecordDocuments;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.NormalizedRecord;
import jp.kaiji.schema.RecordNormalizer;

/**
 * Reads one source into a {@link DocumentSink} (an IndexWriter or an OpenSearch bulk writer): rows
 * are read on the calling thread and normalized and added by the pool's workers, in bounded batches
 * so memory does not grow with the source. Never commits: the caller does, once.
 */
final class SourceIndexer {
  static final int BATCH = 512;

  private final ExecutorService pool;
  private final int workers;
  private final BooleanSupplier cancelled;

  /**
   * @param pool where batches are normalized and indexed, or null to do it on the calling thread
   * @param workers how many batches may be in flight per worker (memory bound)
   * @param cancelled polled between batches; true stops the read with a CancellationException
   */
  public SourceIndexer(ExecutorService pool, int workers, BooleanSupplier cancelled) {
    this.pool = pool;
    this.workers = Math.max(1, workers);
    this.cancelled = cancelled;
  }

  /**
   * Reads every record of {@code reader} and adds the indexable ones.
   *
   * @throws jp.kaiji.indexer.source.SourceUnavailableException when the source stops being readable
   * @throws CancellationException when cancelled or interrupted
   */
  public SourceStats index(
      SourceDefinition source,
      SourceReader reader,
      DocumentSink writer,
      QuarantineLog quarantine,
      SourceProgress progress)
      throws IOException {
    if (!reader.columns().isEmpty()) {
      List<String> missing = HeaderCheck.problems(source, reader.columns());
      if (!missing.isEmpty()) {
        throw new SourceUnavailableException(
            missing.getFirst()
                + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
      }
    }
    progress.start();
    long started = System.nanoTime();
    Semaphore inFlight = new Semaphore(workers * 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      List<SourceItem> batch = new ArrayList<>(BATCH);
      while (true) {
        Optional<SourceItem> item = reader.next();
        if (item.isPresent()) {
          batch.add(item.get());
          progress.rowsRead.incrementAndGet();
        }
        if (batch.size() == BATCH || (item.isEmpty() && !batch.isEmpty())) {
          if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException(
                "rebuild cancelled while reading source '" + source.id() + "'");
          }
          rethrow(failure.get());
          List<SourceItem> work = batch;
          batch = new ArrayList<>(BATCH);
          if (pool == null) {
            indexBatch(source, work, writer, quarantine, progress);
          } else {
            inFlight.acquireUninterruptibly();
            pool.execute(
                () -> {
                  try {
                    indexBatch(source, work, writer, quarantine, progress);
                  } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                  } finally {
                    inFlight.release();
                  }
                });
          }
        }
        if (item.isEmpty()) {
          break;
        }
      }
    } finally {
      inFlight.acquireUninterruptibly(
          workers * 2); // let running batches finish before the caller moves on
    }
    rethrow(failure.get());
    progress.finish(SourceProgress.State.DONE);
    SourceProgress.Snapshot s = progress.snapshot();
    return new SourceStats(
        source.id(),
        source.company(),
        s.rowsRead(),
        s.indexed(),
        s.unindexable(),
        s.quarantined(),
        Instant.now().toString(),
        (System.nanoTime() - started) / 1_000_000,
        0);
  }

  private static void rethrow(Throwable t) throws IOException {
    switch (t) {
      case null -> {}
      case IOException e -> throw e;
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException(t);
    }
  }

  static void indexBatch(
      SourceDefinition source,
      List<SourceItem> items,
      DocumentSink writer,
      QuarantineLog quarantine,
      SourceProgress progress)
      throws IOException {
    for (SourceItem item : items) {
      switch (item) {
        case SourceItem.MalformedRow bad -> {
          quarantine.add(
              new QuarantineEntry(
                  source.id(), bad.rowNumber(), "", "", bad.code(), bad.reason(), false));
          progress.unindexable.incrementAndGet();
          progress.quarantined.incrementAndGet();
        }
        case SourceItem.SourceRow row -> {
          String pk = row.fields().get(source.primaryKey());
          if (pk == null || pk.isBlank()) {
            quarantine.add(
                new QuarantineEntry(
                    source.id(),
                    row.rowNumber(),
                    source.primaryKey(),
                    "",
                    "record.no_primary_key",
                    "the primary key column is empty; the record cannot be indexed",
                    false));
            progress.unindexable.incrementAndGet();
            progress.quarantined.incrementAndGet();
            continue;
          }
          NormalizedRecord keys = RecordNormalizer.normalize(source, row.fields());
          for (NormalizedRecord.Problem p : keys.problems()) {
            quarantine.add(
                new QuarantineEntry(
                    source.id(),
                    row.rowNumber(),
                    p.column(),
                    p.attribute().id(),
                    p.code(),
                    p.reason(),
                    true));
            progress.quarantined.incrementAndGet();
          }
          writer.add(
              RecordDocuments.build(
                  source,
                  row.rowNumber(),
                  pk.strip(),
                  row.originalJson().orElseGet(() -> RecordDocuments.originalJson(row.fields())),
                  row.fields(),
                  keys));
          progress.indexed.incrementAndGet();
        }
      }
    }
  }
}
