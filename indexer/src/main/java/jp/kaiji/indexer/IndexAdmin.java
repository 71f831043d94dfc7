package jp.kaiji.indexer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.IndexGenerations;

/**
 * Rebuilds and rollbacks while search keeps serving: one rebuild at a time, on its own named
 * thread; the serving generation changes only when a rebuild publishes (see {@link RebuildJob}).
 */
public final class IndexAdmin implements AutoCloseable {
  private final IndexGenerations generations;
  private final Supplier<CatalogFile> catalog;
  private final ExecutorService worker;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, RebuildJob> jobs = new LinkedHashMap<>();
  private RebuildJob running;

  /**
   * @param catalog read anew for every rebuild, so that an edited catalogue takes effect
   */
  public IndexAdmin(IndexGenerations generations, Supplier<CatalogFile> catalog) {
    this.generations = generations;
    this.catalog = catalog;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "kaiji-rebuild");
              t.setDaemon(true);
              return t;
            });
  }

  /** A rebuild already runs. */
  public static final class BusyException extends Exception {
    BusyException(String id) {
      super("rebuild " + id + " is still running", null, false, false);
    }
  }

  /** The catalogue could not be loaded: nothing was started, the serving generation stays. */
  public static final class CatalogException extends Exception {
    CatalogException(String message) {
      super(message, null, false, false);
    }
  }

  /** Starts a rebuild and returns its job id. */
  public synchronized String startRebuild() throws BusyException, CatalogException {
    if (running != null && !isFinished(running)) {
      throw new BusyException(idOf(running));
    }
    CatalogFile file;
    try {
      file = catalog.get();
    } catch (IllegalArgumentException e) {
      throw new CatalogException(e.getMessage());
    }
    RebuildJob job = new RebuildJob(file, generations);
    String id = "rebuild-" + ids.incrementAndGet();
    jobs.put(id, job);
    running = job;
    worker.execute(job);
    return id;
  }

  public synchronized Optional<RebuildJob.Progress> job(String id) {
    return Optional.ofNullable(jobs.get(id)).map(RebuildJob::progress);
  }

  public Optional<GenerationInfo> current() {
    return generations.current();
  }

  public List<GenerationInfo> generations() {
    return generations.list();
  }

  public GenerationInfo rollback() throws IOException {
    return generations.rollback();
  }

  private static boolean isFinished(RebuildJob job) {
    RebuildJob.State s = job.progress().state();
    return s != RebuildJob.State.PENDING && s != RebuildJob.State.RUNNING;
  }

  private String idOf(RebuildJob job) {
    return jobs.entrySet().stream()
        .filter(e -> e.getValue() == job)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("?");
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
