package jp.kaiji.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import jp.kaiji.normalize.Hashes;

/**
 * An append-only, tamper-evident audit log: one JSON object per line, each carrying the hash of the
 * line before it ({@code prev}) and its own hash over its content and {@code prev}. Changing,
 * removing or reordering any line breaks the chain from there on; {@link #verify(Path)} finds
 * where.
 *
 * <p>Appends are serialized and forced to disk before {@link #append} returns: an action is only
 * answered once its audit entry is durable.
 */
public final class AuditLog implements AutoCloseable {
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private final Path file;
  private final Clock clock;
  private final FileChannel channel;
  private final Object forceLock = new Object();
  private String lastHash;
  private long sequence;

  /** Bytes written by this object, and how many of them are known to be on disk. */
  private long written;

  private long forced;

  private AuditLog(Path file, Clock clock, FileChannel channel, String lastHash, long sequence) {
    this.file = file;
    this.clock = clock;
    this.channel = channel;
    this.lastHash = lastHash;
    this.sequence = sequence;
  }

  /**
   * Opens (or creates) the log, checking the existing chain first: a broken log is not extended.
   */
  public static AuditLog open(Path file, Clock clock) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Verification v = verify(file);
    if (!v.intact()) {
      throw new IOException(
          "audit log "
              + file
              + " is broken at line "
              + v.brokenAtLine().orElseThrow()
              + ": "
              + v.problem().orElse("")
              + "; refusing to append");
    }
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new AuditLog(file, clock, ch, v.lastHash(), v.entries());
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one event and returns its sequence number once the line is on disk. Concurrent
   * appenders share one {@code fsync} (group commit): whoever forces the file covers every line
   * written before it, so a busy server does not queue on one disk flush per search.
   */
  public long append(AuditEvent event) {
    long seq;
    long end;
    synchronized (this) {
      ObjectNode line = JSON.createObjectNode();
      line.put("seq", sequence + 1);
      line.put("time", clock.instant().toString());
      line.setAll((ObjectNode) JSON.valueToTree(event));
      line.put("prev", lastHash);
      String hash = Hashes.sha256Hex(canonical(line));
      line.put("hash", hash);
      try {
        ByteBuffer buf =
            ByteBuffer.wrap(
                (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          written += channel.write(buf);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the audit log " + file, e);
      }
      seq = ++sequence;
      lastHash = hash;
      end = written;
    }
    forceUpTo(end);
    return seq;
  }

  private void forceUpTo(long end) {
    synchronized (forceLock) {
      if (forced >= end) {
        return;
      }
      long target;
      synchronized (this) {
        target = written;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot flush the audit log " + file, e);
      }
      forced = target;
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
    if (!Files.exists(file)) {
      return new Verification(0, GENESIS, Optional.empty(), Optional.empty());
    }
    String prev = GENESIS;
    long n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = in.readLine()) != null) {
        n++;
        ObjectNode line;
        try {
          line = (ObjectNode) JSON.readTree(text);
        } catch (IOException | ClassCastException e) {
          return broken(n, prev, "not a JSON object");
        }
        String hash = line.path("hash").asText("");
        if (!prev.equals(line.path("prev").asText(""))) {
          return broken(n, prev, "does not link to the line before it");
        }
        if (line.path("seq").asLong(-1) != n) {
          return broken(
              n, prev, "sequence number is " + line.path("seq").asText() + ", expected " + n);
        }
        line.remove("hash");
        if (!hash.equals(Hashes.sha256Hex(canonical(line)))) {
          return broken(n, prev, "content does not match its hash");
        }
        prev = hash;
      }
    }
    return new Verification(n, prev, Optional.empty(), Optional.empty());
  }

  private static Verification broken(long line, String prev, String problem) {
    return new Verification(line - 1, prev, Optional.of(line), Optional.of(problem));
  }

  // Jackson writes an ObjectNode's fields in insertion order, which is stable for lines we write
  // and for lines read back, so the serialized text is a canonical form here.
  private static String canonical(ObjectNode line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
