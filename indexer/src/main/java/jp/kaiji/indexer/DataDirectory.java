package jp.kaiji.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one layout of a data directory, shared by the indexer's commands and the server: index
 * generations live in {@code DATA/index}, beside the server's request store and audit log. So
 * {@code indexer rebuild --data DATA} and a server with {@code "dataDir": "DATA"} agree.
 */
public final class DataDirectory {
  private DataDirectory() {}

  /**
   * Where the index generations of {@code dataDir} live.
   *
   * @throws IOException when {@code dataDir} holds generations directly (built by an indexer from
   *     before this layout): served from there, nothing would be found, so the mistake is reported
   *     with the way out
   */
  public static Path generations(Path dataDir) throws IOException {
    Path index = dataDir.resolve("index");
    if (Files.isRegularFile(dataDir.resolve("CURRENT"))
        && !Files.isRegularFile(index.resolve("CURRENT"))) {
      throw new IOException(
          dataDir
              + " holds index generations directly, but they live in "
              + index
              + "; move them there (mkdir "
              + index
              + " && mv "
              + dataDir.resolve("CURRENT")
              + " "
              + dataDir.resolve("gen-*")
              + " "
              + index
              + ") or rebuild with --data "
              + dataDir);
    }
    return index;
  }
}
