package jp.kaiji.indexer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Reads one JDBC value twice over: as the driver's text, for the normalizers (what they have always
 * read), and typed, for the original: numbers as JSON numbers, booleans, dates and times as ISO
 * text, JSON and JSONB columns as the nested value they hold, everything else as text, SQL NULL as
 * null.
 */
final class JdbcValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** How a column is read into the original. */
  private enum Kind {
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_TZ,
    JSON,
    TEXT
  }

  /** A value: its text (null for NULL) and its typed form. */
  record Value(String text, JsonNode json) {}

  private final Kind[] kinds;

  JdbcValues(ResultSetMetaData meta) throws SQLException {
    kinds = new Kind[meta.getColumnCount()];
    for (int i = 1; i <= kinds.length; i++) {
      kinds[i - 1] = kind(meta.getColumnType(i), meta.getColumnTypeName(i));
    }
  }

  private static Kind kind(int type, String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (name.equals("json") || name.equals("jsonb")) {
      return Kind.JSON;
    }
    return switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
      case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.DECIMAL;
      case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
      case Types.DATE -> Kind.DATE;
      case Types.TIME -> Kind.TIME;
      case Types.TIMESTAMP -> Kind.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
      default -> Kind.TEXT;
    };
  }

  /** The value of column {@code i} (1-based) of the current row. */
  Value read(ResultSet rows, int i) throws SQLException {
    String text = rows.getString(i);
    if (text == null) {
      return new Value(null, F.nullNode());
    }
    JsonNode json =
        switch (kinds[i - 1]) {
          case INTEGER -> F.numberNode(new BigInteger(text.strip()));
          case DECIMAL -> decimal(rows.getBigDecimal(i));
          case BOOLEAN -> F.booleanNode(rows.getBoolean(i));
          case DATE -> F.textNode(rows.getObject(i, LocalDate.class).toString());
          case TIME -> F.textNode(rows.getObject(i, LocalTime.class).toString());
          case TIMESTAMP -> F.textNode(rows.getObject(i, LocalDateTime.class).toString());
          case TIMESTAMP_TZ -> F.textNode(rows.getObject(i, OffsetDateTime.class).toString());
          case JSON -> parse(text);
          case TEXT -> F.textNode(text);
        };
    return new Value(text, json);
  }

  private static JsonNode decimal(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() <= 0 && s.precision() - s.scale() <= 18
        ? F.numberNode(s.longValueExact())
        : F.numberNode(n);
  }

  /** A JSON column's value; text the driver did not give as JSON stays text. */
  private static JsonNode parse(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n == null ? F.textNode(text) : n;
    } catch (JsonProcessingException e) {
      return F.textNode(text);
    }
  }

  /** What a JSON Pointer reached, as the normalizers read it (as in a JSON Lines record). */
  static String text(JsonNode v) {
    return v.isNull() || v.isMissingNode()
        ? null
        : v.isTextual() ? v.textValue() : v.isValueNode() ? v.asText() : v.toString();
  }
}
