package jp.kaiji.indexer;

import java.io.IOException;
import java.nio.file.Path;
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
import jp.kaiji.opensearch.OpenSearchGenerations;

/**
 * Rebuilds and rollbacks while search keeps serving: one rebuild at a time, on its own named
 * thread; the serving generation changes only when a rebuild publishes (see {@link RebuildJob}).
 * The generations are the embedded index's, or, made with {@link #onOpenSearch}, a cluster's
 * indices behind its alias ({@link OpenSearchRebuild}).
 */
public final class IndexAdmin implements AutoCloseable {
  private final IndexGenerations generations;
  private final Optional<ClusterGenerations> cluster;
  private final Supplier<CatalogFile> catalog;
  private final ExecutorService worker;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private Job running;

  /** A rebuild as the admin sees it, on either backend. */
  interface Job extends Runnable {
    RebuildJob.Progress progress();
  }

  /**
   * @param catalog read anew for every rebuild, so that an edited catalogue takes effect
   */
  public IndexAdmin(IndexGenerations generations, Supplier<CatalogFile> catalog) {
    this(generations, Optional.empty(), catalog);
  }

  /**
   * Rebuilds and rollbacks of the index on a cluster; quarantine files go under {@code
   * dataDir/opensearch}.
   */
  public static IndexAdmin onOpenSearch(
      OpenSearchGenerations cluster, Path dataDir, Supplier<CatalogFile> catalog) {
    return new IndexAdmin(
        null, Optional.of(new ClusterGenerations(cluster, dataDir, catalog)), catalog);
  }

  private IndexAdmin(
      IndexGenerations generations,
      Optional<ClusterGenerations> cluster,
      Supplier<CatalogFile> catalog) {
    this.generations = generations;
    this.cluster = cluster;
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
    Job job =
        cluster.isPresent()
            ? cluster.get().rebuild(file)
            : new Job() {
              private final RebuildJob embedded = new RebuildJob(file, generations);

              @Override
              public void run() {
                embedded.run();
              }

              @Override
              public RebuildJob.Progress progress() {
                return embedded.progress();
              }
            };
    String id = "rebuild-" + ids.incrementAndGet();
    jobs.put(id, job);
    running = job;
    worker.execute(job);
    return id;
  }

  public synchronized Optional<RebuildJob.Progress> job(String id) {
    return Optional.ofNullable(jobs.get(id)).map(Job::progress);
  }

  public Optional<GenerationInfo> current() {
    return cluster.isPresent() ? cluster.get().current() : generations.current();
  }

  public List<GenerationInfo> generations() {
    return cluster.isPresent() ? cluster.get().list() : generations.list();
  }

  public GenerationInfo rollback() throws IOException {
    return cluster.isPresent() ? cluster.get().rollback() : generations.rollback();
  }

  private static boolean isFinished(Job job) {
    RebuildJob.State s = job.progress().state();
    return s != RebuildJob.State.PENDING && s != RebuildJob.State.RUNNING;
  }

  private String idOf(Job job) {
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
