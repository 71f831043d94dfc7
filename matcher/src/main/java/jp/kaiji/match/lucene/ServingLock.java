package jp.kaiji.match.lucene;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who serves a generation: each serving process holds a shared OS lock on {@code serving.lock} in
 * the generation's directory; pruning deletes a generation only while it holds the exclusive lock,
 * so no process deletes a generation another one serves. The OS releases the locks on any exit,
 * kill -9 included.
 *
 * <p>Within one JVM the locks are counted here instead: an OS lock is per process, and closing any
 * channel on a file would drop every lock this process holds on it.
 */
final class ServingLock implements AutoCloseable {
  static final String FILE = "serving.lock";

  private record Held(FileChannel channel, FileLock lock, int users) {}

  private static final Map<Path, Held> HELD = new HashMap<>();

  private final Path dir;
  private boolean closed;

  private ServingLock(Path dir) {
    this.dir = dir;
  }

  /** Takes the shared lock of a generation directory; fails when it is being deleted. */
  static ServingLock shared(Path generationDir) throws IOException {
    Path dir = generationDir.toAbsolutePath().normalize();
    synchronized (HELD) {
      Held h = HELD.get(dir);
      if (h == null) {
        // No CREATE of the directory: a generation deleted meanwhile fails here.
        FileChannel ch = channel(dir);
        FileLock lock;
        try {
          lock = ch.tryLock(0, Long.MAX_VALUE, true);
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
        if (lock == null) {
          ch.close();
          throw new IOException("generation " + dir.getFileName() + " is being deleted");
        }
        h = new Held(ch, lock, 0);
      }
      HELD.put(dir, new Held(h.channel(), h.lock(), h.users() + 1));
      return new ServingLock(dir);
    }
  }

  /**
   * The exclusive lock of a generation that no process serves, held while it is deleted; empty when
   * some process (this one included) serves it.
   */
  static Optional<AutoCloseable> unused(Path generationDir) throws IOException {
    Path dir = generationDir.toAbsolutePath().normalize();
    synchronized (HELD) {
      if (HELD.containsKey(dir)) {
        return Optional.empty();
      }
      FileChannel ch = channel(dir);
      try {
        FileLock lock = ch.tryLock();
        if (lock == null) {
          ch.close();
          return Optional.empty();
        }
        return Optional.of(ch);
      } catch (OverlappingFileLockException e) {
        ch.close();
        return Optional.empty();
      }
    }
  }

  private static FileChannel channel(Path dir) throws IOException {
    return FileChannel.open(
        dir.resolve(FILE),
        StandardOpenOption.CREATE,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  @Override
  public void close() throws IOException {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held h = HELD.get(dir);
      if (h.users() > 1) {
        HELD.put(dir, new Held(h.channel(), h.lock(), h.users() - 1));
      } else {
        HELD.remove(dir);
        h.channel().close(); // releases the lock
      }
    }
  }
}
