package jp.kaiji.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The package as one zip archive. Every entry carries the same fixed time (the request's ready time
 * in Japan, as a DOS local time without extra timestamp fields), entries come in the contents'
 * order, and the compression level is fixed: the same contents give the same bytes.
 *
 * <p>Written atomically: into a temporary file beside the target, forced to disk, then moved into
 * place; on any failure the temporary file is removed, so no partial archive is ever visible.
 */
public final class PackageArchive {
  private PackageArchive() {}

  /** The archive's bytes. */
  public static byte[] zip(Map<String, byte[]> files, String entryTime) {
    LocalDateTime time = Instant.parse(entryTime).atZone(ZoneId.of("Asia/Tokyo")).toLocalDateTime();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(6);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        ZipEntry e = new ZipEntry(f.getKey());
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(f.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build an archive in memory", e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code bytes} to {@code target} through a temporary file and an atomic move. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (var ch =
          java.nio.channels.FileChannel.open(
              tmp,
              java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        var buf = java.nio.ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            "the package directory " + dir + " cannot replace files atomically", e);
      }
      // The rename is durable only once the directory is: before the export is recorded.
      try (var d = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // Not every file system lets a directory be opened; the move itself succeeded.
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Deletes the temporary files ({@code .<reference>.zip…tmp}) an export cut off by a crash left in
   * {@code dir}; returns how many. Run at start, before anything exports.
   */
  public static int deleteTemporaries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (var files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && Files.deleteIfExists(f)) {
          n++;
        }
      }
    }
    return n;
  }
}
