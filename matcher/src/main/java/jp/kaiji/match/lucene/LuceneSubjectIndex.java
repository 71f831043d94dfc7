package jp.kaiji.match.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jp.kaiji.match.SubjectIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;

/**
 * The embedded-Lucene {@link SubjectIndex}: serves the current generation of an {@link
 * IndexGenerations} through a {@link SearcherManager}, switching to a new generation when a rebuild
 * or rollback publishes one and refreshing in place after a sync. A snapshot acquired before a
 * switch keeps reading its own generation until it is closed.
 *
 * <p>A generation serves only once every checksum verified ({@link GenerationIntegrity}); when the
 * one CURRENT names is damaged, the newest intact kept generation older than it serves instead and
 * {@link #health()} says so. Another process may move CURRENT (a rebuild from the command line):
 * {@link #acquire()} re-reads it at most once a second, on the searching thread, so an idle server
 * costs nothing and a busy one one small file read a second (a WatchService would need a thread and
 * misses changes on network file systems). While a generation serves, this process holds its {@link
 * ServingLock}, so no pruning process deletes it.
 */
public final class LuceneSubjectIndex implements SubjectIndex, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LuceneSubjectIndex.class.getName());
  private static final long POLL_NANOS = 1_000_000_000L;

  /**
   * What serves and why.
   *
   * @param status {@code ok}, {@code degraded} (serving, but not CURRENT's generation or with a
   *     problem) or {@code no-index} (nothing intact to serve)
   * @param serving the generation searches read
   * @param current the generation CURRENT names
   * @param problems one line each: damaged generations, missing side files
   */
  public record Health(
      String status,
      Optional<GenerationInfo> serving,
      Optional<String> current,
      List<String> problems) {
    public Health {
      problems = List.copyOf(problems);
    }
  }

  private final IndexGenerations generations;
  private final AtomicReference<Optional<ServedGeneration>> serving =
      new AtomicReference<>(Optional.empty());
  private final AtomicLong nextPoll = new AtomicLong(System.nanoTime() + POLL_NANOS);
  private volatile Health health =
      new Health("no-index", Optional.empty(), Optional.empty(), List.of());

  public LuceneSubjectIndex(IndexGenerations generations) throws IOException {
    this.generations = generations;
    choose();
    generations.addListener(
        event -> {
          switch (event.kind()) {
            case SWITCHED -> choose();
            case UPDATED -> refresh();
          }
        });
  }

  /** What serves now, after looking at CURRENT (at most once a second). */
  public Health health() {
    poll();
    return health;
  }

  /**
   * Serves the first intact one of: CURRENT's generation, then the kept ones older than it (newest
   * first), then the one serving now.
   */
  private synchronized void choose() {
    List<String> problems = new ArrayList<>();
    Optional<String> current;
    try {
      current = generations.currentId();
    } catch (java.io.UncheckedIOException e) {
      current = Optional.empty();
      problems.add("CURRENT is unreadable: " + GenerationIntegrity.describe(e.getCause()));
    }
    List<String> order = new ArrayList<>();
    current.ifPresent(order::add);
    List<GenerationInfo> kept = generations.list();
    if (current.isEmpty() && !kept.isEmpty() && problems.isEmpty()) {
      problems.add("CURRENT names no generation");
    }
    for (GenerationInfo g : kept.reversed()) {
      if (!order.contains(g.id()) && current.map(c -> g.id().compareTo(c) < 0).orElse(true)) {
        order.add(g.id());
      }
    }
    Optional<ServedGeneration> now = serving.get();
    now.filter(s -> !order.contains(s.info.id())).ifPresent(s -> order.add(s.info.id()));
    for (String id : order) {
      Optional<ServedGeneration> opened =
          now.isPresent() && now.get().info.id().equals(id) ? now : open(id, problems);
      if (opened.isPresent()) {
        ServedGeneration s = opened.get();
        if (s != now.orElse(null)) {
          serving.set(opened);
          now.ifPresent(ServedGeneration::release);
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(s.info.problems());
        boolean ok = all.isEmpty() && current.equals(Optional.of(id));
        health = new Health(ok ? "ok" : "degraded", Optional.of(s.info), current, all);
        String why = problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")";
        LOG.log(
            ok ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
            current.equals(Optional.of(id))
                ? "serving index generation " + id + why
                : "serving index generation "
                    + id
                    + ", not CURRENT's "
                    + current.orElse("-")
                    + why);
        s.info.problems().forEach(p -> LOG.log(System.Logger.Level.WARNING, p));
        return;
      }
    }
    serving.set(Optional.empty());
    now.ifPresent(ServedGeneration::release);
    health = new Health("no-index", Optional.empty(), current, problems);
    if (!problems.isEmpty()) {
      LOG.log(
          System.Logger.Level.ERROR,
          "no intact index generation to serve; searches answer 503 ("
              + String.join("; ", problems)
              + ")");
    }
  }

  private Optional<ServedGeneration> open(String id, List<String> problems) {
    GenerationInfo info = generations.info(id);
    ServingLock lock;
    try {
      lock = ServingLock.shared(info.dir());
    } catch (IOException e) {
      problems.add("generation " + id + " cannot be opened: " + GenerationIntegrity.describe(e));
      return Optional.empty();
    }
    try {
      DirectoryReader reader = GenerationIntegrity.openVerified(info.indexDir());
      return Optional.of(
          new ServedGeneration(new SearcherManager(reader, new SearcherFactory()), info, lock));
    } catch (IOException | RuntimeException e) {
      problems.add("generation " + id + " is damaged: " + GenerationIntegrity.describe(e));
      try {
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      return Optional.empty();
    }
  }

  /** Follows another process: CURRENT moved (rebuild, rollback) or the index changed (sync). */
  private void poll() {
    long now = System.nanoTime();
    long due = nextPoll.get();
    if (now - due < 0 || !nextPoll.compareAndSet(due, now + POLL_NANOS)) {
      return;
    }
    try {
      if (!generations.refresh()) {
        Optional<ServedGeneration> s = serving.get();
        if (s.isPresent() && s.get().retain()) {
          try {
            s.get().manager.maybeRefresh();
          } finally {
            s.get().release();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot follow CURRENT: " + e.getMessage());
    }
  }

  private void refresh() {
    Optional<ServedGeneration> s = serving.get();
    if (s.isPresent() && s.get().retain()) {
      try {
        s.get().manager.maybeRefreshBlocking();
      } catch (IOException e) {
        LOG.log(
            System.Logger.Level.ERROR, "cannot refresh index generation " + s.get().info.id(), e);
      } finally {
        s.get().release();
      }
    }
  }

  @Override
  public Optional<Snapshot> acquire() {
    poll();
    // A switch may retire the generation between get() and retain(): retry on the new one.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<ServedGeneration> s = serving.get();
      if (s.isEmpty()) {
        return Optional.empty();
      }
      if (!s.get().retain()) {
        continue;
      }
      try {
        return Optional.of(new LuceneSnapshot(s.get(), s.get().manager.acquire()));
      } catch (IOException | RuntimeException e) {
        s.get().release();
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }
    throw new IllegalStateException("index generation switched three times during one acquire");
  }

  @Override
  public synchronized void close() throws IOException {
    serving.getAndSet(Optional.empty()).ifPresent(ServedGeneration::release);
  }
}
