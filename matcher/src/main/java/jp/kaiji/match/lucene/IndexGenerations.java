package jp.kaiji.match.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The index generations in a data directory, and which one serves.
 *
 * <p>Layout: {@code DATA/gen-000042/} holds {@code index/} (Lucene), {@code quarantine/} ({@code
 * <sourceId>.jsonl}), {@code stats.json} and {@code report.json}. {@code DATA/CURRENT} names the
 * serving generation; it is replaced atomically (temp file + ATOMIC_MOVE), so a reader sees the old
 * or the new name, never a mix. A generation is complete once its {@code report.json} exists; a
 * directory without one is a crashed or failed build and is deleted on the next start. The newest
 * {@code keep} complete generations (and always the current one) are kept for rollback.
 *
 * <p>Writers (rebuild, sync, rollback) take {@link #writerLock()}, an OS file lock, so that two
 * processes never build at once. A process serving a generation holds a shared lock on its {@code
 * serving.lock} ({@link ServingLock}); pruning skips every generation whose lock it cannot take
 * exclusively, so no process deletes a generation another one serves. A lost {@code stats.json} or
 * {@code report.json} shows in {@link GenerationInfo#problems()}, never as an exception.
 */
public final class IndexGenerations {
  public static final int DEFAULT_KEEP = 3;
  static final String CURRENT = "CURRENT";
  static final String REPORT = "report.json";
  static final String STATS = "stats.json";
  private static final Pattern GEN = Pattern.compile("gen-(\\d{6,})");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final System.Logger LOG = System.getLogger(IndexGenerations.class.getName());

  /** What happened to the serving generation. */
  public enum EventKind {
    /** CURRENT now names another generation (rebuild or rollback): open a new reader. */
    SWITCHED,
    /** The current generation's index changed in place (sync): refresh the reader. */
    UPDATED
  }

  public record Event(EventKind kind, GenerationInfo generation) {}

  private final Path dataDir;
  private final int keep;
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private volatile Optional<String> lastSeen;

  /**
   * Opens (and creates) a data directory; removes incomplete generations if no build is running.
   */
  public IndexGenerations(Path dataDir, int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.keep = keep;
    Files.createDirectories(this.dataDir);
    Optional<WriterLock> lock = tryWriterLock();
    if (lock.isPresent()) {
      try (WriterLock l = lock.get()) {
        cleanIncomplete();
      }
    }
    lastSeen = currentId();
  }

  public IndexGenerations(Path dataDir) throws IOException {
    this(dataDir, DEFAULT_KEEP);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The serving generation, if any has been built. */
  public Optional<GenerationInfo> current() {
    return currentId().map(this::info);
  }

  /** Every complete generation, oldest first. */
  public List<GenerationInfo> list() {
    return completeIds().stream().map(this::info).toList();
  }

  /** Opens a reader on the serving generation. The caller closes it. */
  public DirectoryReader openCurrent() throws IOException {
    GenerationInfo g =
        current()
            .orElseThrow(
                () -> new IOException("no index generation in " + dataDir + "; run rebuild first"));
    return DirectoryReader.open(FSDirectory.open(g.indexDir()));
  }

  /**
   * Called after every switch and in-place update made through this object (or seen by {@link
   * #refresh()}).
   */
  public void addListener(Consumer<Event> listener) {
    listeners.add(listener);
  }

  /**
   * Re-reads CURRENT from disk (another process may have switched it) and tells the listeners if it
   * changed. Returns whether it changed.
   */
  public boolean refresh() {
    Optional<String> now = currentId();
    if (now.equals(lastSeen)) {
      return false;
    }
    lastSeen = now;
    now.ifPresent(id -> fire(new Event(EventKind.SWITCHED, info(id))));
    return true;
  }

  /** A generation directory being built; not visible until {@link #publish}. */
  public record Pending(String id, Path dir) {
    public Path indexDir() {
      return dir.resolve("index");
    }

    /** Writes the generation's per-source counts ({@code stats.json}), read when it serves. */
    public void writeStats(GenerationStats stats) throws IOException {
      writeAtomically(dir.resolve(STATS), JSON.writeValueAsBytes(stats));
    }

    /**
     * Writes the rebuild's report ({@code report.json}); its presence marks the generation
     * complete, so it is written last.
     */
    public void writeReport(Object report) throws IOException {
      writeAtomically(dir.resolve(REPORT), JSON.writeValueAsBytes(report));
    }
  }

  /** Creates the next generation's directory. Hold the writer lock. */
  public Pending begin() throws IOException {
    long next = 1;
    try (Stream<Path> s = Files.list(dataDir)) {
      next +=
          s.map(p -> GEN.matcher(p.getFileName().toString()))
              .filter(java.util.regex.Matcher::matches)
              .mapToLong(m -> Long.parseLong(m.group(1)))
              .max()
              .orElse(0);
    }
    String id = String.format(Locale.ROOT, "gen-%06d", next);
    Path dir = dataDir.resolve(id);
    Files.createDirectory(dir);
    return new Pending(id, dir);
  }

  /** Makes a complete generation the serving one and prunes old generations. */
  public GenerationInfo publish(Pending pending) throws IOException {
    if (!Files.isRegularFile(pending.dir().resolve(REPORT))) {
      throw new IOException(
          "generation " + pending.id() + " has no " + REPORT + "; it is not complete");
    }
    switchTo(pending.id());
    prune();
    return info(pending.id());
  }

  /** Deletes a generation that failed; CURRENT is untouched. */
  public void discard(Pending pending) {
    deleteTree(pending.dir());
  }

  /**
   * Switches back to the newest complete generation older than the current one.
   *
   * @throws IOException when there is none
   */
  public GenerationInfo rollback() throws IOException {
    String cur =
        currentId().orElseThrow(() -> new IOException("no current generation to roll back from"));
    List<String> older = completeIds().stream().filter(id -> id.compareTo(cur) < 0).toList();
    if (older.isEmpty()) {
      throw new IOException(
          "no generation older than " + cur + " is kept; nothing to roll back to");
    }
    String target = older.getLast();
    switchTo(target);
    return info(target);
  }

  /** Rewrites one source's statistics in a generation's stats.json (atomically). */
  public void updateStats(GenerationInfo generation, SourceStats stats) throws IOException {
    GenerationStats old;
    try {
      old = JSON.readValue(generation.dir().resolve(STATS).toFile(), GenerationStats.class);
    } catch (IOException e) {
      // A lost stats.json is rebuilt from what the generation info still knows.
      old =
          new GenerationStats(
              generation.id(),
              generation.builtAt(),
              new java.util.LinkedHashMap<>(generation.sources()));
    }
    writeAtomically(generation.dir().resolve(STATS), JSON.writeValueAsBytes(old.with(stats)));
  }

  /** Tells the listeners that the current generation changed in place. */
  public void fireUpdated() {
    current().ifPresent(g -> fire(new Event(EventKind.UPDATED, g)));
  }

  /** An exclusive lock held by the one process that writes (rebuild, sync, rollback). */
  public final class WriterLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
    }
  }

  /** Takes the writer lock, or fails at once when another rebuild or sync holds it. */
  public WriterLock writerLock() throws IOException {
    return tryWriterLock()
        .orElseThrow(() -> new IOException("another rebuild or sync is running on " + dataDir));
  }

  private Optional<WriterLock> tryWriterLock() throws IOException {
    FileChannel ch =
        FileChannel.open(
            dataDir.resolve(".writer.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock l = ch.tryLock();
      if (l == null) {
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new WriterLock(ch, l));
    } catch (OverlappingFileLockException e) {
      ch.close();
      return Optional.empty();
    }
  }

  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(content));
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of " + target.getParent() + " cannot replace files atomically", e);
    }
  }

  private void switchTo(String id) throws IOException {
    writeAtomically(dataDir.resolve(CURRENT), (id + "\n").getBytes(StandardCharsets.UTF_8));
    lastSeen = Optional.of(id);
    fire(new Event(EventKind.SWITCHED, info(id)));
  }

  private void fire(Event e) {
    for (Consumer<Event> l : listeners) {
      l.accept(e);
    }
  }

  Optional<String> currentId() {
    Path p = dataDir.resolve(CURRENT);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      String id = Files.readString(p, StandardCharsets.UTF_8).strip();
      return GEN.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private List<String> completeIds() {
    try (Stream<Path> s = Files.list(dataDir)) {
      return s.filter(p -> GEN.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isRegularFile(p.resolve(REPORT)))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dataDir, e);
    }
  }

  GenerationInfo info(String id) {
    Path dir = dataDir.resolve(id);
    List<String> problems = new ArrayList<>();
    Optional<String> finished = Optional.empty();
    try {
      finished =
          Optional.ofNullable(JSON.readTree(dir.resolve(REPORT).toFile()).path("finished"))
              .filter(n -> n.isTextual())
              .map(n -> n.asText());
    } catch (IOException | RuntimeException e) {
      problems.add(REPORT + " of " + id + " is missing or unreadable");
    }
    try {
      GenerationStats stats = JSON.readValue(dir.resolve(STATS).toFile(), GenerationStats.class);
      return new GenerationInfo(id, dir, stats.builtAt(), stats.view(), problems);
    } catch (IOException | RuntimeException e) {
      // The index itself still serves; per-source counts come from the index then.
      problems.add(0, STATS + " of " + id + " is missing or unreadable");
      return new GenerationInfo(
          id, dir, finished.orElseGet(() -> modified(dir)), Map.of(), problems);
    }
  }

  private static String modified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toInstant().toString();
    } catch (IOException e) {
      return java.time.Instant.EPOCH.toString();
    }
  }

  private void prune() {
    Optional<String> cur = currentId();
    List<String> ids = new ArrayList<>(completeIds());
    ids.sort(Comparator.reverseOrder());
    for (int i = keep; i < ids.size(); i++) {
      if (!Optional.of(ids.get(i)).equals(cur)) {
        deleteUnlessServed(dataDir.resolve(ids.get(i)));
      }
    }
  }

  /**
   * Deletes a generation no process serves (see {@link ServingLock}); one still served is left for
   * a later prune. A failure is logged: the switch that pruned has happened.
   */
  private static void deleteUnlessServed(Path dir) {
    try {
      Optional<AutoCloseable> unused = ServingLock.unused(dir);
      if (unused.isEmpty()) {
        LOG.log(
            System.Logger.Level.INFO,
            "generation " + dir.getFileName() + " is still served by a process; not deleted");
        return;
      }
      try (AutoCloseable held = unused.get()) {
        // The report goes first: a deletion cut short leaves an incomplete generation, which the
        // next start removes, never a "complete" one with files missing.
        Files.deleteIfExists(dir.resolve(REPORT));
        deleteTree(dir);
      }
    } catch (Exception e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot delete generation " + dir.getFileName() + ": " + e.getMessage());
    }
  }

  private void cleanIncomplete() throws IOException {
    Optional<String> cur = currentId();
    try (Stream<Path> s = Files.list(dataDir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (GEN.matcher(name).matches()
            && !Files.isRegularFile(p.resolve(REPORT))
            && !Optional.of(name).equals(cur)) {
          deleteUnlessServed(p);
        }
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
