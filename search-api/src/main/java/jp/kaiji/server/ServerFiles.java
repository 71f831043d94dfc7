package jp.kaiji.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import jp.kaiji.disclosure.CaseDatabases;
import jp.kaiji.disclosure.CaseStore;
import jp.kaiji.http.Json;

/** What the server keeps in its data directory besides the indexes: a lock, requests, a salt. */
final class ServerFiles {
  private ServerFiles() {}

  /**
   * Locks the data directory for this process (kaiji.lock): two servers on one directory would
   * interleave their writes. The channel holds the lock until it is closed.
   */
  static java.nio.channels.FileChannel lock(ServerConfig config) throws IOException {
    config.checkListenerSafety();
    Path dataDir = config.dataDir();
    Files.createDirectories(dataDir);
    java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            dataDir.resolve("kaiji.lock"),
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE);
    try {
      java.nio.channels.FileLock held;
      try {
        held = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        held = null; // this very process holds it
      }
      if (held == null) {
        throw new IOException(
            "another Kaiji is using the data directory " + dataDir + " (kaiji.lock is held)");
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return ch;
  }

  /**
   * Opens the request database: the configured one, or SQLite in the data directory. Refuses to
   * start on an earlier Kaiji's H2 file, on a missing database beside an audit log that records
   * work, and on a damaged one, each with what to do.
   */
  static CaseStore openCases(ServerConfig config, Clock clock) throws IOException {
    String url =
        config
            .database()
            .map(ServerConfig.Database::url)
            .orElseGet(() -> CaseDatabases.sqliteUrl(config.dataDir()));
    if (config.database().isEmpty()
        && !Files.exists(CaseDatabases.sqliteFile(config.dataDir()))
        && Files.exists(config.dataDir().resolve("requests.mv.db"))) {
      throw new IOException(
          "the data directory "
              + config.dataDir()
              + " holds requests in an H2 database (requests.mv.db) of an earlier Kaiji, which now"
              + " stores them in SQLite (requests.db); move them with ./kaiji server migrate-store"
              + " --data "
              + config.dataDir()
              + " (or configure database.url jdbc:h2:file:.../requests to keep H2)");
    }
    Path sqlite = CaseDatabases.sqliteFile(config.dataDir());
    Path auditLog = config.dataDir().resolve("audit.log");
    if (config.database().isEmpty()
        && !Files.exists(sqlite)
        && Files.exists(auditLog)
        && Files.size(auditLog) > 0) {
      // SQLite would create an empty database here: requests the log records would vanish.
      throw new IOException(
          "the request database "
              + sqlite
              + " is missing beside an audit log that records work: restore it from a backup;"
              + " Kaiji does not start on an empty one");
    }
    String user = config.database().flatMap(ServerConfig.Database::user).orElse("");
    String password =
        config
            .database()
            .flatMap(ServerConfig.Database::passwordEnv)
            .map(System::getenv)
            .orElse("");
    try {
      return CaseStore.open(url, user, password, clock, Json.mapper());
    } catch (java.sql.SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT")) {
        throw new IOException(
            "the request database "
                + (config.database().isPresent() ? "(database.url)" : sqlite)
                + " is damaged ("
                + m.replace('\n', ' ')
                + "): restore it from a backup; Kaiji leaves it as it is and does not start",
            e);
      }
      throw new IOException(
          "cannot open the request database "
              + (config.database().isPresent() ? "" : "in " + config.dataDir() + " ")
              + "(is another Kaiji using it?): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The salt of the audit log's identifier hashes: from {@link KaijiApplication#AUDIT_SALT_ENV}, or
   * made once and kept in audit.salt, readable by the owner only.
   */
  static byte[] auditSalt(Path dataDir) throws IOException {
    String env = System.getenv(KaijiApplication.AUDIT_SALT_ENV);
    if (env != null && !env.isBlank()) {
      return HexFormat.of().parseHex(env.strip());
    }
    Path file = dataDir.resolve("audit.salt");
    if (!Files.exists(file)) {
      byte[] salt = new byte[32];
      new SecureRandom().nextBytes(salt);
      Files.writeString(file, HexFormat.of().formatHex(salt));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the data directory's own permissions protect it.
      }
    }
    return HexFormat.of().parseHex(Files.readString(file).strip());
  }
}
