package jp.kaiji.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kaiji.normalize.Hashes;

/**
 * An append-only, tamper-evident audit log: one JSON object per line, each carrying the hash of the
 * line before it ({@code prev}) and its own hash over its content and {@code prev}. Changing,
 * removing or reordering any line breaks the chain from there on; {@link #verify(Path)} finds
 * where.
 *
 * <p>Appends are serialized and forced to disk before {@link #append} returns: an action is only
 * answered once its audit entry is durable. A write that fails (a full disk) is cut off again, so
 * the file never keeps a partial line; a partial last line left by a crash is dropped when the log
 * is opened.
 *
 * <p>The chain is anchored outside the file: the head ({@code seq}, {@code hash}) is recorded in
 * the request store, in the same transaction as every change of a request ({@link
 * #appendCommitted}), and after every other append ({@link Anchor#advance}). A log that ends before
 * the recorded head, or differs from it, is refused at start and reported by {@code verify-audit}:
 * dropping the last lines or emptying the file no longer passes.
 */
public final class AuditLog implements AutoCloseable {
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());
  private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());

  /** One entry's place in the chain. */
  public record Head(long seq, String hash) {}

  /** Where the head is recorded outside the file (the request store). */
  public interface Anchor {
    /** The recorded head, if any entry was ever anchored. */
    Optional<Head> head() throws Exception;

    /** Records a newer head after a plain append; never moves the head back. */
    void advance(Head head) throws Exception;
  }

  /** A store transaction that audit entries are committed with (see {@link #appendCommitted}). */
  public interface Transaction {
    /** Records the head in the open transaction. */
    void anchor(Head head) throws Exception;

    /** Commits the transaction durably. */
    void commit() throws Exception;
  }

  private final Path file;
  private final Clock clock;
  private final FileChannel channel;
  private final Object forceLock = new Object();
  private final Optional<Anchor> anchor;
  private String lastHash;
  private long sequence;

  /** Bytes written by this object, and how many of them are known to be on disk. */
  private long written;

  private long forced;

  /** The newest head known to be on disk (set with {@code forced}). */
  private volatile Head forcedHead;

  /** The newest head recorded through {@link Anchor#advance}, guarded by {@code anchorLock}. */
  private final Object anchorLock = new Object();

  private long anchored;

  /** Set when a failed write could not be cut off: the file must be repaired by a restart. */
  private IOException damaged;

  private AuditLog(
      Path file,
      Clock clock,
      FileChannel channel,
      String lastHash,
      long sequence,
      Optional<Anchor> anchor) {
    this.file = file;
    this.clock = clock;
    this.channel = channel;
    this.lastHash = lastHash;
    this.sequence = sequence;
    this.anchor = anchor;
  }

  /** Opens (or creates) a log without an anchor (tools and tests). */
  public static AuditLog open(Path file, Clock clock) throws IOException {
    return open(file, clock, Optional.empty());
  }

  /**
   * Opens (or creates) the log, checking the existing chain first and, with an anchor, that the log
   * reaches the head recorded there: a broken or shortened log is not extended. A partial last line
   * (a write cut off by a crash) is dropped; so are trailing entries written for a store
   * transaction that never committed (the server stopped between the two), since the change they
   * describe did not happen.
   */
  public static AuditLog open(Path file, Clock clock, Optional<Anchor> anchor) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Optional<Head> head;
    try {
      head = anchor.isPresent() ? anchor.get().head() : Optional.empty();
    } catch (Exception e) {
      throw new IOException("cannot read the audit anchor from the request store", e);
    }
    AuditScan s = AuditScan.scan(file, head);
    if (anchor.isPresent() && head.isEmpty() && s.anyTxn()) {
      throw new IOException(
          "audit log "
              + file
              + " records changes of requests but the request store has no record of the log:"
              + " the request database was deleted or replaced; restore it from a backup");
    }
    if (!s.verification().intact()) {
      throw new IOException(
          "audit log "
              + file
              + " is broken at line "
              + s.verification().brokenAtLine().orElseThrow()
              + ": "
              + s.verification().problem().orElse("")
              + "; refusing to append");
    }
    long keep = s.completeBytes();
    long entries = s.verification().entries();
    String last = s.verification().lastHash();
    if (s.uncommittedTail().isPresent()) {
      AuditScan.Tail t = s.uncommittedTail().get();
      keep = t.offset();
      entries = t.firstSeq() - 1;
      last = t.prevHash();
      LOG.log(
          System.Logger.Level.WARNING,
          "audit log: dropping entries "
              + t.firstSeq()
              + ".."
              + s.verification().entries()
              + " written for a store transaction that never committed");
    }
    if (s.tornBytes() > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "audit log: dropping a partial last line of "
              + s.tornBytes()
              + " bytes (a write cut off by a crash or a full disk)");
    }
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    try {
      if (ch.size() > keep) {
        ch.truncate(keep);
        ch.force(true);
      }
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return new AuditLog(file, clock, ch, last, entries, anchor);
  }

  public Path file() {
    return file;
  }

  /** The newest entry. */
  public synchronized Head head() {
    return new Head(sequence, lastHash);
  }

  /**
   * Appends one event and returns its sequence number once the line is on disk. Concurrent
   * appenders share one {@code fsync} (group commit): whoever forces the file covers every line
   * written before it, so a busy server does not queue on one disk flush per search. The anchor
   * then records the new head (best effort: the entry itself is already durable).
   */
  public long append(AuditEvent event) {
    long seq;
    long end;
    String hash;
    synchronized (this) {
      checkUndamaged();
      Line line = line(event, sequence + 1, lastHash, false);
      try {
        writeAll(List.of(line));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the audit log " + file, e);
      }
      seq = ++sequence;
      lastHash = line.hash;
      hash = line.hash;
      end = written;
    }
    forceUpTo(end);
    if (anchor.isPresent()) {
      advanceAnchor(seq);
    }
    return seq;
  }

  /**
   * Appends {@code events} as part of a store transaction, so that the store and the log agree
   * after any crash: the new head is recorded in the open transaction, the lines are written and
   * forced, then the transaction is committed. A failure before the commit cuts the lines off again
   * and propagates (the caller rolls back); a crash between the fsync and the commit leaves lines
   * marked {@code txn} past the store's head, which {@link #open} drops. With no events the current
   * head is anchored.
   */
  public synchronized void appendCommitted(List<AuditEvent> events, Transaction tx)
      throws Exception {
    checkUndamaged();
    List<Line> lines = new ArrayList<>();
    long seq = sequence;
    String prev = lastHash;
    for (AuditEvent e : events) {
      Line l = line(e, ++seq, prev, true);
      lines.add(l);
      prev = l.hash;
    }
    tx.anchor(new Head(seq, prev));
    long before = channel.size();
    long writtenBefore = written;
    if (!lines.isEmpty()) {
      try {
        writeAll(lines);
        channel.force(false);
      } catch (IOException e) {
        // writeAll cut the lines off already when the write itself failed
        cutOff(before, writtenBefore);
        throw new UncheckedIOException("cannot write the audit log " + file, e);
      }
    }
    try {
      tx.commit();
    } catch (Exception e) {
      if (!lines.isEmpty()) {
        cutOff(before, writtenBefore);
      }
      throw e;
    }
    sequence = seq;
    lastHash = prev;
  }

  private record Line(byte[] bytes, String hash) {}

  private Line line(AuditEvent event, long seq, String prev, boolean txn) {
    ObjectNode line = JSON.createObjectNode();
    line.put("seq", seq);
    line.put("time", clock.instant().toString());
    line.setAll((ObjectNode) JSON.valueToTree(event));
    if (txn) {
      line.put("txn", true);
    }
    line.put("prev", prev);
    String hash = Hashes.sha256Hex(AuditScan.canonical(line));
    line.put("hash", hash);
    return new Line((AuditScan.canonical(line) + "\n").getBytes(StandardCharsets.UTF_8), hash);
  }

  /** Writes the lines; on failure cuts the file back to where it was and rethrows. */
  private void writeAll(List<Line> lines) throws IOException {
    long before = channel.size();
    long writtenBefore = written;
    try {
      for (Line l : lines) {
        ByteBuffer buf = ByteBuffer.wrap(l.bytes);
        while (buf.hasRemaining()) {
          written += channel.write(buf);
        }
      }
    } catch (IOException e) {
      cutOff(before, writtenBefore);
      throw e;
    }
  }

  private void cutOff(long size, long writtenBefore) {
    try {
      if (channel.size() > size) {
        channel.truncate(size);
      }
      channel.force(false);
      written = writtenBefore;
    } catch (IOException e) {
      damaged = e;
      LOG.log(
          System.Logger.Level.ERROR,
          "audit log: cannot cut off a failed write ("
              + e.getClass().getName()
              + "); appends refused until the server restarts");
    }
  }

  private void checkUndamaged() {
    if (damaged != null) {
      throw new UncheckedIOException(
          "the audit log " + file + " kept a failed write; restart the server to repair it",
          damaged);
    }
  }

  private void forceUpTo(long end) {
    synchronized (forceLock) {
      if (forced >= end) {
        return;
      }
      long target;
      Head head;
      synchronized (this) {
        target = written;
        head = new Head(sequence, lastHash);
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot flush the audit log " + file, e);
      }
      forced = target;
      forcedHead = head;
    }
  }

  /**
   * Records in the anchor a head at or after {@code seq}, once: concurrent appenders share one
   * store commit as they share one fsync. Whoever records covers every entry on disk before it (the
   * newest forced head, never one not yet on disk, so that a crash cannot leave the anchor ahead of
   * the file); an appender whose entry is covered already returns at once. Best effort: the entry
   * itself is already durable.
   */
  private void advanceAnchor(long seq) {
    synchronized (anchorLock) {
      if (anchored >= seq) {
        return;
      }
      Head head = forcedHead;
      try {
        anchor.orElseThrow().advance(head);
        anchored = head.seq();
      } catch (Exception e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "audit log: cannot record the head in the request store: " + e.getClass().getName());
      }
    }
  }

  /** The result of checking a log's hash chain. */
  public record Verification(
      long entries, String lastHash, Optional<Long> brokenAtLine, Optional<String> problem) {
    public boolean intact() {
      return brokenAtLine.isEmpty();
    }
  }

  /** Checks every line's hash and link; a missing file is an intact, empty log. */
  public static Verification verify(Path file) throws IOException {
    return verify(file, Optional.empty());
  }

  /**
   * Checks every line's hash and link and, given the head recorded in the request store, that the
   * log reaches it with the same hash: a log shortened, emptied or deleted after that entry is
   * broken. A partial last line (a write cut off by a crash, dropped at the next start) is not.
   */
  public static Verification verify(Path file, Optional<Head> anchor) throws IOException {
    return AuditScan.scan(file, anchor).verification();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
