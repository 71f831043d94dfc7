package jp.kaiji.indexer.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the rows of a query (or a whole table) through any JDBC driver on the classpath, streamed:
 * forward-only, read-only, a bounded fetch size, auto-commit off (some drivers, PostgreSQL among
 * them, stream only inside a transaction). The normalizers get every value as the driver's text
 * (SQL NULL is null); the original keeps the column types ({@link JdbcValues}). A column of SQL
 * type JSON or JSONB is a nested value, and a JSON Pointer whose first step names it ({@code
 * /CONTACT/tel}) reads into it, as in a JSON Lines record.
 */
final class JdbcSourceReader implements SourceReader {
  static final int FETCH_SIZE = 1000;

  private final String name;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final List<String> columns;
  private final JdbcValues values;
  private final List<String> pointers;
  private long row;

  /**
   * Connects and runs the query.
   *
   * @param name how messages name the source
   * @param url the JDBC URL (already resolved)
   * @param sql the query
   * @param user the user, or empty
   * @param password the password, or empty
   */
  public JdbcSourceReader(
      String name, String url, String sql, Optional<String> user, Optional<String> password) {
    this(name, url, sql, user, password, List.of());
  }

  /**
   * @param pointers the JSON Pointers the source maps (columns starting with {@code /})
   */
  JdbcSourceReader(
      String name,
      String url,
      String sql,
      Optional<String> user,
      Optional<String> password,
      List<String> pointers) {
    this.name = name;
    this.pointers = List.copyOf(pointers);
    Properties props = new Properties();
    user.ifPresent(u -> props.setProperty("user", u));
    password.ifPresent(p -> props.setProperty("password", p));
    Connection c = null;
    try {
      c = DriverManager.getConnection(url, props);
      c.setReadOnly(true);
      c.setAutoCommit(false);
      Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      s.setFetchSize(FETCH_SIZE);
      ResultSet rs = s.executeQuery(sql);
      ResultSetMetaData meta = rs.getMetaData();
      List<String> cols = new ArrayList<>(meta.getColumnCount());
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        cols.add(meta.getColumnLabel(i));
      }
      this.connection = c;
      this.statement = s;
      this.rows = rs;
      this.columns = List.copyOf(cols);
      this.values = new JdbcValues(meta);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new SourceUnavailableException(
          "source '" + name + "': cannot query the database: " + oneLine(e), e);
    }
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Optional<SourceItem> next() {
    try {
      if (!rows.next()) {
        return Optional.empty();
      }
      row++;
      LinkedHashMap<String, String> fields = LinkedHashMap.newLinkedHashMap(columns.size());
      ObjectNode original = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < columns.size(); i++) {
        JdbcValues.Value v = values.read(rows, i + 1);
        fields.put(columns.get(i), v.text());
        original.set(columns.get(i), v.json());
      }
      for (String pointer : pointers) {
        fields.put(pointer, JdbcValues.text(original.at(pointer)));
      }
      return Optional.of(new SourceItem.SourceRow(row, fields, Optional.of(original.toString())));
    } catch (SQLException e) {
      throw new SourceUnavailableException(
          "source '" + name + "': reading failed after row " + row + ": " + oneLine(e), e);
    }
  }

  private static String oneLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)) + " [SQLState " + e.getSQLState() + "]";
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Already failing; the first error is the one to report.
      }
    }
  }

  @Override
  public void close() {
    try {
      rows.close();
      statement.close();
      connection.rollback();
    } catch (SQLException ignored) {
      // Read-only transaction: nothing to lose.
    } finally {
      closeQuietly(connection);
    }
  }
}
