package jp.kaiji.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.kaiji.audit.AuditLog;

/**
 * Where the case databases live and what is done to them while no server writes: the embedded
 * SQLite file, the earlier H2 file, the audit head recorded in a database, and the one-time copy
 * from H2 into SQLite ({@code migrate-store}).
 */
public final class CaseDatabases {
  private CaseDatabases() {}

  /** The embedded SQLite database in {@code dir}: {@code requests.db}. */
  public static String sqliteUrl(Path dir) {
    return "jdbc:sqlite:" + sqliteFile(dir).toString().replace('\\', '/');
  }

  /** The file of the embedded database in {@code dir}. */
  public static Path sqliteFile(Path dir) {
    return dir.toAbsolutePath().resolve("requests.db");
  }

  /**
   * The embedded H2 database in {@code dir} (the default before SQLite; kept for comparison in the
   * crash test, where it loses acknowledged commits).
   */
  public static String h2Url(java.nio.file.Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("requests").toString().replace('\\', '/');
  }

  /**
   * The audit head recorded in the database at {@code url}, read without migrating or writing (for
   * {@code verify-audit}, also while the server runs); empty when none was recorded.
   */
  public static Optional<AuditLog.Head> recordedHead(String url, String user, String password)
      throws SQLException {
    try (Connection db = DriverManager.getConnection(url, user, password);
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_anchor WHERE id = 1")) {
        return rs.next()
            ? Optional.of(new AuditLog.Head(rs.getLong(1), rs.getString(2)))
            : Optional.empty();
      } catch (SQLException e) {
        // A database from before the anchor (no such table) has recorded nothing.
        return Optional.empty();
      }
    }
  }

  /** The tables of the schema, parents first. */
  private static final List<String> TABLES =
      List.of(
          "disclosure_request",
          "request_status_history",
          "search_snapshot",
          "record_decision",
          "redaction",
          "package_export",
          "audit_anchor");

  /**
   * Copies every request of the database at {@code fromUrl} (an earlier Kaiji's H2 file) into the
   * empty embedded SQLite database of {@code dir}, in one transaction; returns how many requests.
   * Refuses a target that holds requests already.
   */
  public static int importFrom(String fromUrl, Path dir, Clock clock, ObjectMapper json)
      throws SQLException {
    try (Connection from = DriverManager.getConnection(fromUrl, "", "");
        CaseStore to = CaseStore.open(sqliteUrl(dir), "", "", clock, json)) {
      SchemaMigrations.migrate(from, clock);
      synchronized (to) {
        if (to.hasRow("SELECT 1 FROM disclosure_request")) {
          throw new SQLException(sqliteFile(dir) + " holds requests already; nothing was copied");
        }
        int cases = 0;
        try {
          for (String table : TABLES) {
            try (Statement st = from.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
              int n = rs.getMetaData().getColumnCount();
              StringBuilder cols = new StringBuilder();
              StringBuilder marks = new StringBuilder();
              for (int i = 1; i <= n; i++) {
                cols.append(i > 1 ? ", " : "").append(rs.getMetaData().getColumnName(i));
                marks.append(i > 1 ? ", ?" : "?");
              }
              try (PreparedStatement ps =
                  to.connection()
                      .prepareStatement(
                          "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
                while (rs.next()) {
                  for (int i = 1; i <= n; i++) {
                    ps.setObject(i, rs.getObject(i));
                  }
                  ps.executeUpdate();
                  if (table.equals("disclosure_request")) {
                    cases++;
                  }
                }
              }
            }
          }
          to.connection().commit();
        } catch (SQLException | RuntimeException e) {
          to.rollbackQuietly();
          throw e;
        }
        return cases;
      }
    }
  }
}
