package jp.kaiji.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaiji.normalize.Hashes;

/**
 * Versioned schema migrations, in the manner of Flyway but without its weight: the scripts {@code
 * migrations/V<n>__<what>.sql} (listed in {@code migrations/index.txt}, because a jar cannot be
 * listed portably) run once each, in version order, each in its own transaction, and are recorded
 * in {@code schema_version} with a SHA-256 of their text.
 *
 * <p>Running again is a no-op; a script whose text changed after it was applied is refused (the
 * database would no longer match the code), as is a database newer than the code.
 */
final class SchemaMigrations {
  private static final String BASE = "/jp/kaiji/disclosure/migrations/";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  /** One script. */
  record Script(int version, String description, String sql, String sha256) {}

  private SchemaMigrations() {}

  /** Applies every pending script; returns the versions it applied (empty when up to date). */
  public static List<Integer> migrate(Connection c, Clock clock) throws SQLException {
    List<Script> scripts = scripts();
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                + " sha256 VARCHAR(64) NOT NULL, installed_at VARCHAR(40) NOT NULL)");
      }
      c.commit();
      Map<Integer, String> applied = new TreeMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT version, sha256 FROM schema_version")) {
        while (rs.next()) {
          applied.put(rs.getInt(1), rs.getString(2));
        }
      }
      int newest = scripts.isEmpty() ? 0 : scripts.getLast().version();
      for (int v : applied.keySet()) {
        if (v > newest) {
          throw new SQLException(
              "the database has schema version "
                  + v
                  + " but this Kaiji knows only up to "
                  + newest
                  + ": use a newer Kaiji");
        }
      }
      List<Integer> done = new ArrayList<>();
      for (Script s : scripts) {
        String known = applied.get(s.version());
        if (known != null) {
          if (!known.equals(s.sha256())) {
            throw new SQLException(
                "migration V"
                    + s.version()
                    + "__"
                    + s.description()
                    + ".sql changed after it was applied (sha256 "
                    + known
                    + " in the database)");
          }
          continue;
        }
        try (Statement st = c.createStatement()) {
          for (String statement : statements(s.sql())) {
            st.execute(statement);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO schema_version (version, description, sha256, installed_at) VALUES (?, ?, ?, ?)")) {
          ps.setInt(1, s.version());
          ps.setString(2, s.description());
          ps.setString(3, s.sha256());
          ps.setString(4, clock.instant().toString());
          ps.executeUpdate();
        }
        c.commit();
        done.add(s.version());
      }
      return done;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  static List<Script> scripts() {
    List<Script> out = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException(
            "migrations/index.txt: '" + name + "' is not named V<n>__<what>.sql");
      }
      String sql = resource(name);
      int version = Integer.parseInt(m.group(1));
      if (version != out.size() + 1) {
        throw new IllegalStateException(
            "migrations/index.txt: " + name + " should be version " + (out.size() + 1));
      }
      out.add(new Script(version, m.group(2), sql, Hashes.sha256Hex(sql)));
    }
    return out;
  }

  /**
   * The script's statements: split at semicolons ending a line; {@code --} comment lines dropped.
   */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("migration ends without ';': " + current.toString().strip());
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = SchemaMigrations.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + BASE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
