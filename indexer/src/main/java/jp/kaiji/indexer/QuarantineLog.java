package jp.kaiji.indexer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The quarantine report of one source: a JSON Lines file of {@link QuarantineEntry}, one per line.
 * Thread-safe; entries from parallel workers may be written out of row order.
 */
public final class QuarantineLog implements AutoCloseable {
  private static final ObjectWriter JSON = new ObjectMapper().writerFor(QuarantineEntry.class);

  private final BufferedWriter out;
  private long count;

  /** Starts a new report, replacing an older one. */
  public QuarantineLog(Path file) throws IOException {
    this(file, false);
  }

  /** Starts a new report, or appends to an existing one. */
  public QuarantineLog(Path file, boolean append) throws IOException {
    Files.createDirectories(file.getParent());
    this.out =
        append
            ? Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)
            : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  public synchronized void add(QuarantineEntry entry) {
    try {
      out.write(JSON.writeValueAsString(entry));
      out.write('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the quarantine report", e);
    }
  }

  public synchronized long count() {
    return count;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /** The quarantine file of a source inside a generation directory. */
  public static Path fileOf(Path generationDir, String sourceId) {
    return generationDir.resolve("quarantine").resolve(sourceId + ".jsonl");
  }
}
