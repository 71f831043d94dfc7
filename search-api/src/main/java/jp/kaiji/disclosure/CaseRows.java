package jp.kaiji.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the rows that belong to one case (history, result, decisions, redactions, exports) for
 * {@link CaseStore#find}; used under the store's lock, on its connection.
 */
final class CaseRows {
  private final Connection c;
  private final ObjectMapper json;

  CaseRows(Connection c, ObjectMapper json) {
    this.c = c;
    this.json = json;
  }

  List<StatusChange> history(String reference) throws SQLException {
    return query(
        "SELECT status, at, actor, note FROM request_status_history WHERE reference = ? ORDER BY seq",
        reference,
        rs ->
            new StatusChange(
                CaseStatus.fromId(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4)));
  }

  Optional<ResultSnapshot> result(String reference) throws SQLException {
    return query(
            "SELECT result FROM search_snapshot WHERE reference = ?",
            reference,
            rs -> read(rs.getString(1), ResultSnapshot.class))
        .stream()
        .findFirst();
  }

  List<Decision> decisions(String reference) throws SQLException {
    return query(
        "SELECT record_id, decision, reason, decided_by, decided_at FROM record_decision WHERE reference = ? ORDER BY record_id",
        reference,
        rs ->
            new Decision(
                rs.getString(1),
                Decision.Verdict.fromId(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
  }

  List<Redaction> redactions(String reference) throws SQLException {
    return query(
        "SELECT record_id, field, span_start, span_end, reason, redacted_by, redacted_at FROM redaction WHERE reference = ? ORDER BY seq",
        reference,
        rs ->
            new Redaction(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7)));
  }

  List<PackageExport> exports(String reference) throws SQLException {
    return query(
        "SELECT file, sha256, bytes, generation, exported_at, actor FROM package_export WHERE reference = ? ORDER BY seq",
        reference,
        rs ->
            new PackageExport(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, String reference, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
    }
    c.commit();
    return out;
  }

  <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
