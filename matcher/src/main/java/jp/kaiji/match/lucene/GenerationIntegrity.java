package jp.kaiji.match.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;

/**
 * Opens a generation's index only after every file's checksum verified: a flipped byte in a
 * stored-fields or terms file would otherwise be served as wrong content, since Lucene checks most
 * checksums only when merging. Opening reads the commit, field infos and segment infos (each
 * checksummed); {@link org.apache.lucene.index.LeafReader#checkIntegrity()} then reads every other
 * file of every segment end to end.
 */
public final class GenerationIntegrity {
  private GenerationIntegrity() {}

  /** A reader on the verified index; the caller closes it. */
  public static DirectoryReader openVerified(Path indexDir) throws IOException {
    DirectoryReader reader = open(indexDir);
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** A reader without the checksum pass (to measure what the check costs). */
  public static DirectoryReader open(Path indexDir) throws IOException {
    return DirectoryReader.open(FSDirectory.open(indexDir));
  }

  /** Why the index in {@code indexDir} cannot serve, in one line; empty when it is intact. */
  public static Optional<String> problem(Path indexDir) {
    try (DirectoryReader r = openVerified(indexDir)) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(describe(e));
    }
  }

  /** One line naming the failure: its kind and Lucene's message (file names, no record content). */
  static String describe(Throwable e) {
    String msg = e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' ');
    if (msg.length() > 300) {
      msg = msg.substring(0, 300) + "…";
    }
    return e.getClass().getSimpleName() + msg;
  }
}
