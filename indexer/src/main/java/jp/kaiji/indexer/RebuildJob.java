package jp.kaiji.indexer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.source.SourceReader;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.indexer.source.SourceUnavailableException;
import jp.kaiji.match.lucene.GenerationStats;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a new index generation from every source of the catalogue, checks it and switches it in.
 *
 * <p>Run it on any thread ({@link #run()} never throws); watch it from another with {@link
 * #progress()}; stop it with {@link #cancel()} or by interrupting its thread. Until the switch, the
 * serving generation is untouched: a failed, cancelled or crashed build leaves CURRENT as it was
 * and its directory is removed. The check before the switch: for every source, the documents in the
 * index equal the rows read minus the unindexable ones.
 */
public final class RebuildJob implements Runnable {
  /** Where the job is. */
  public enum State {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  /**
   * Tuning.
   *
   * @param threads normalization and indexing workers (1 = all on the reading thread)
   * @param ramBufferMb the IndexWriter's RAM buffer
   * @param segments how many segments a finished generation is merged down to (0, the default: as
   *     written). One segment makes the typical search cheaper (every key visits each segment's
   *     terms), but at 10M persons it made the slowest searches slower, it lengthens the rebuild,
   *     and an erasure then rewrites the whole generation instead of the segments that held the
   *     records (bench/PERFORMANCE.md, Performance VI)
   */
  public record Options(int threads, double ramBufferMb, int segments) {
    public static final int SEGMENTS = 0;

    public Options {
      if (threads < 1 || ramBufferMb <= 0 || segments < 0) {
        throw new IllegalArgumentException(
            "threads >= 1, RAM buffer > 0 and segments >= 0 expected, got "
                + threads
                + ", "
                + ramBufferMb
                + ", "
                + segments);
      }
    }

    public Options(int threads, double ramBufferMb) {
      this(threads, ramBufferMb, SEGMENTS);
    }

    public static Options defaults() {
      return new Options(Math.min(2, Runtime.getRuntime().availableProcessors()), 256);
    }
  }

  /**
   * What a poller sees.
   *
   * @param message the one-line failure reason, when failed or cancelled
   * @param report the report, when succeeded
   */
  public record Progress(
      State state,
      Optional<String> generation,
      List<SourceProgress.Snapshot> sources,
      Optional<String> message,
      Optional<RebuildReport> report) {}

  private final CatalogFile catalog;
  private final IndexGenerations generations;
  private final SourceReaders readers;
  private final Options options;
  private final LinkedHashMap<String, SourceProgress> progress = new LinkedHashMap<>();
  private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
  private volatile String generation;
  private volatile String message;
  private volatile RebuildReport report;
  private volatile boolean cancelled;

  public RebuildJob(
      CatalogFile catalog, IndexGenerations generations, SourceReaders readers, Options options) {
    this.catalog = catalog;
    this.generations = generations;
    this.readers = readers;
    this.options = options;
    for (SourceDefinition s : catalog.catalog().sources()) {
      progress.put(s.id(), new SourceProgress(s.id()));
    }
  }

  public RebuildJob(CatalogFile catalog, IndexGenerations generations) {
    this(catalog, generations, SourceReaders.of(catalog), Options.defaults());
  }

  public Progress progress() {
    return new Progress(
        state.get(),
        Optional.ofNullable(generation),
        progress.values().stream().map(SourceProgress::snapshot).toList(),
        Optional.ofNullable(message),
        Optional.ofNullable(report));
  }

  /** Asks the job to stop at the next batch; the serving generation stays. */
  public void cancel() {
    cancelled = true;
  }

  /** The report of a successful run. */
  public Optional<RebuildReport> report() {
    return Optional.ofNullable(report);
  }

  @Override
  public void run() {
    if (!state.compareAndSet(State.PENDING, State.RUNNING)) {
      throw new IllegalStateException("a RebuildJob runs once; it is " + state.get());
    }
    try (IndexGenerations.WriterLock lock = generations.writerLock()) {
      IndexGenerations.Pending pending = generations.begin();
      generation = pending.id();
      try {
        report = build(pending);
        generations.publish(pending);
        state.set(State.SUCCEEDED);
      } catch (CancellationException e) {
        generations.discard(pending);
        fail(State.CANCELLED, e.getMessage());
      } catch (Exception | Error e) {
        generations.discard(pending);
        throw e;
      }
    } catch (SourceUnavailableException e) {
      fail(State.FAILED, e.getMessage());
    } catch (Exception e) {
      fail(State.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void fail(State end, String why) {
    message = why == null ? end.name().toLowerCase(java.util.Locale.ROOT) : why.replace('\n', ' ');
    state.set(end);
  }

  private RebuildReport build(IndexGenerations.Pending pending) throws IOException {
    Instant started = Instant.now();
    IndexWriterConfig config =
        new IndexWriterConfig() // no analyzed fields: the analyzer is never used
            .setCodec(new jp.kaiji.match.lucene.KaijiCodec()) // small stored blocks: cheap reads
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(options.ramBufferMb())
            // A bulk build writes every segment once: copying each into a compound file costs a
            // second write for nothing (the generation is opened by one reader per process).
            .setUseCompoundFile(false)
            .setCommitOnClose(false);
    if (config.getMergePolicy() instanceof org.apache.lucene.index.TieredMergePolicy tiered) {
      tiered.setNoCFSRatio(0.0);
    }
    ExecutorService pool =
        options.threads() > 1
            ? Executors.newFixedThreadPool(options.threads(), named("kaiji-index"))
            : null;
    List<SourceStats> stats = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(pending.indexDir());
        IndexWriter writer = new IndexWriter(dir, config)) {
      SourceIndexer indexer = new SourceIndexer(pool, options.threads(), () -> cancelled);
      for (SourceDefinition source : catalog.catalog().sources()) {
        SourceProgress p = progress.get(source.id());
        try (SourceReader reader = readers.open(source);
            QuarantineLog quarantine =
                new QuarantineLog(QuarantineLog.fileOf(pending.dir(), source.id()))) {
          stats.add(indexer.index(source, reader, writer::addDocument, quarantine, p));
        } catch (RuntimeException | IOException e) {
          p.finish(SourceProgress.State.FAILED);
          throw e;
        }
      }
      flushSideBySide(writer, pool, options.threads());
      if (options.segments() > 0 && !cancelled) {
        writer.forceMerge(options.segments());
      }
      writer.commit();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    stats = verify(pending, stats);
    Instant finished = Instant.now();
    long millis = Duration.between(started, finished).toMillis();
    long rows = stats.stream().mapToLong(SourceStats::rowsRead).sum();
    LinkedHashMap<String, SourceStats> bySource = new LinkedHashMap<>();
    stats.forEach(s -> bySource.put(s.source(), s));
    pending.writeStats(new GenerationStats(pending.id(), finished.toString(), bySource));
    RebuildReport r =
        new RebuildReport(
            pending.id(),
            started.toString(),
            finished.toString(),
            millis,
            rows,
            millis == 0 ? rows : rows * 1000.0 / millis,
            stats,
            pending.dir().resolve("quarantine").toString());
    pending.writeReport(r);
    return r;
  }

  /**
   * Flushes the last buffered segments on the workers, one each at a time: {@code commit} would
   * flush them one after another on this thread while the other core waits (about a fifth of a
   * rebuild's CPU at 200k persons).
   */
  private static void flushSideBySide(IndexWriter writer, ExecutorService pool, int threads)
      throws IOException {
    if (pool == null) {
      return;
    }
    List<Future<Boolean>> flushes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      flushes.add(pool.submit(writer::flushNextBuffer));
    }
    try {
      for (Future<Boolean> f : flushes) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while flushing");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /**
   * Every source's documents must equal its rows read minus its unindexable rows. Also counts the
   * documents whose primary key repeats within their source.
   */
  private static List<SourceStats> verify(IndexGenerations.Pending pending, List<SourceStats> stats)
      throws IOException {
    try (FSDirectory dir = FSDirectory.open(pending.indexDir());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      java.util.Map<String, Long> unique = new java.util.HashMap<>();
      org.apache.lucene.index.Terms ids =
          org.apache.lucene.index.MultiTerms.getTerms(reader, IndexSchema.DOC_ID);
      if (ids != null) {
        org.apache.lucene.index.TermsEnum e = ids.iterator();
        for (org.apache.lucene.util.BytesRef t = e.next(); t != null; t = e.next()) {
          String id = t.utf8ToString();
          unique.merge(id.substring(0, id.indexOf('/')), 1L, Long::sum);
        }
      }
      IndexSearcher searcher = new IndexSearcher(reader);
      List<SourceStats> checked = new ArrayList<>();
      for (SourceStats s : stats) {
        int docs = searcher.count(new TermQuery(new Term(IndexSchema.SOURCE_ID, s.source())));
        if (docs != s.rowsRead() - s.unindexable() || docs != s.indexed()) {
          throw new IOException(
              "check failed for source '"
                  + s.source()
                  + "': "
                  + docs
                  + " documents but "
                  + s.rowsRead()
                  + " rows read and "
                  + s.unindexable()
                  + " unindexable");
        }
        checked.add(s.withDuplicateKeys(docs - unique.getOrDefault(s.source(), 0L)));
      }
      return checked;
    }
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
