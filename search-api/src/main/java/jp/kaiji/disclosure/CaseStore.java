package jp.kaiji.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable store of disclosure requests over JDBC: an embedded H2 file database by default,
 * PostgreSQL (or any database the migrations run on) through the configured URL. The schema is
 * brought up to date by {@link SchemaMigrations} when the store opens.
 *
 * <p>One connection, used under this object's lock: requests are handled by a few staff, and each
 * change (a status with its history line, a result with its decisions cleared) is one transaction.
 */
public final class CaseStore implements AutoCloseable {
  private final Connection c;
  private final ObjectMapper json;

  private CaseStore(Connection c, ObjectMapper json) {
    this.c = c;
    this.json = json;
  }

  /** Opens the database and migrates its schema. */
  public static CaseStore open(
      String url, String user, String password, Clock clock, ObjectMapper json)
      throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try {
      SchemaMigrations.migrate(c, clock);
      c.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return new CaseStore(c, json);
  }

  /** The embedded H2 database in {@code dir} (created when missing). */
  public static String h2Url(java.nio.file.Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("requests").toString().replace('\\', '/');
  }

  /** Stores a new request as received; false when the reference exists already. */
  public synchronized boolean create(RequestForm form, String actor, String at)
      throws SQLException {
    if (exists(form.reference())) {
      return false;
    }
    return tx(
        () -> {
          update(
              "INSERT INTO disclosure_request (reference, status, received_on, due_on, form, created_at) VALUES (?, ?, ?, ?, ?, ?)",
              form.reference(),
              RequestStatus.RECEIVED.id(),
              form.receivedOn(),
              form.dueOn(),
              write(form),
              at);
          history(form.reference(), RequestStatus.RECEIVED, at, actor, "received");
          return true;
        });
  }

  public synchronized Optional<DisclosureCase> find(String reference) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT form, status, created_at, ready_at FROM disclosure_request WHERE reference = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        RequestForm form = read(rs.getString(1), RequestForm.class);
        RequestStatus status = RequestStatus.fromId(rs.getString(2));
        String created = rs.getString(3);
        Optional<String> ready = Optional.ofNullable(rs.getString(4));
        c.commit();
        return Optional.of(
            new DisclosureCase(
                form,
                status,
                created,
                ready,
                history(reference),
                result(reference),
                decisions(reference),
                redactions(reference),
                exports(reference)));
      }
    }
  }

  /** References by due date then reference, optionally of one status. */
  public synchronized List<String> references(Optional<RequestStatus> status) throws SQLException {
    String sql =
        "SELECT reference FROM disclosure_request"
            + (status.isPresent() ? " WHERE status = ?" : "")
            + " ORDER BY due_on, reference";
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (status.isPresent()) {
        ps.setString(1, status.get().id());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    c.commit();
    return out;
  }

  /**
   * Stores the result of a search for the request, clears earlier decisions and redactions, and
   * puts it in review.
   */
  public synchronized void saveResult(
      String reference, ResultSnapshot result, String actor, String at) throws SQLException {
    tx(
        () -> {
          update("DELETE FROM record_decision WHERE reference = ?", reference);
          update("DELETE FROM redaction WHERE reference = ?", reference);
          update("DELETE FROM search_snapshot WHERE reference = ?", reference);
          update(
              "INSERT INTO search_snapshot (reference, generation, searched_at, actor, result) VALUES (?, ?, ?, ?, ?)",
              reference,
              result.generation(),
              result.searchedAt(),
              actor,
              write(result));
          update(
              "UPDATE disclosure_request SET status = ? WHERE reference = ?",
              RequestStatus.IN_REVIEW.id(),
              reference);
          history(
              reference,
              RequestStatus.IN_REVIEW,
              at,
              actor,
              "searched generation "
                  + result.generation()
                  + ": "
                  + result.hits().count()
                  + " records");
          return null;
        });
  }

  /** Records decisions, replacing earlier ones on the same records. */
  public synchronized void saveDecisions(String reference, List<Decision> decisions)
      throws SQLException {
    tx(
        () -> {
          for (Decision d : decisions) {
            update(
                "DELETE FROM record_decision WHERE reference = ? AND record_id = ?",
                reference,
                d.recordId());
            update(
                "INSERT INTO record_decision (reference, record_id, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
                reference,
                d.recordId(),
                d.verdict().id(),
                d.reason(),
                d.decidedBy(),
                d.decidedAt());
          }
          return null;
        });
  }

  public synchronized void addRedaction(String reference, Redaction r) throws SQLException {
    tx(
        () -> {
          update(
              "INSERT INTO redaction (reference, seq, record_id, field, span_start, span_end, reason, redacted_by, redacted_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              reference,
              nextSeq("redaction", reference),
              r.recordId(),
              r.field(),
              r.start(),
              r.end(),
              r.reason(),
              r.redactedBy(),
              r.redactedAt());
          return null;
        });
  }

  /** Moves the request from {@code from} to {@code to}; false when it was not in {@code from}. */
  public synchronized boolean transition(
      String reference, RequestStatus from, RequestStatus to, String actor, String at, String note)
      throws SQLException {
    return tx(
        () -> {
          String readyAt = to == RequestStatus.READY ? at : null;
          int n =
              readyAt == null
                  ? update(
                      "UPDATE disclosure_request SET status = ? WHERE reference = ? AND status = ?",
                      to.id(),
                      reference,
                      from.id())
                  : update(
                      "UPDATE disclosure_request SET status = ?, ready_at = ? WHERE reference = ? AND status = ?",
                      to.id(),
                      readyAt,
                      reference,
                      from.id());
          if (n == 1) {
            history(reference, to, at, actor, note);
          }
          return n == 1;
        });
  }

  /** Records a written package and marks the request exported, in one transaction. */
  public synchronized void recordExport(String reference, PackageExport e) throws SQLException {
    tx(
        () -> {
          update(
              "INSERT INTO package_export (reference, seq, file, sha256, bytes, generation, exported_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              reference,
              nextSeq("package_export", reference),
              e.file(),
              e.sha256(),
              e.bytes(),
              e.generation(),
              e.exportedAt(),
              e.actor());
          if (update(
                  "UPDATE disclosure_request SET status = ? WHERE reference = ? AND status = ?",
                  RequestStatus.EXPORTED.id(),
                  reference,
                  RequestStatus.READY.id())
              == 1) {
            history(
                reference,
                RequestStatus.EXPORTED,
                e.exportedAt(),
                e.actor(),
                "exported " + e.sha256());
          }
          return null;
        });
  }

  private boolean exists(String reference) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM disclosure_request WHERE reference = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        boolean found = rs.next();
        c.commit();
        return found;
      }
    }
  }

  private void history(String reference, RequestStatus status, String at, String actor, String note)
      throws SQLException {
    update(
        "INSERT INTO request_status_history (reference, seq, status, at, actor, note) VALUES (?, ?, ?, ?, ?, ?)",
        reference,
        nextSeq("request_status_history", reference),
        status.id(),
        at,
        actor,
        note);
  }

  private int nextSeq(String table, String reference) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table + " WHERE reference = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private List<StatusChange> history(String reference) throws SQLException {
    return query(
        "SELECT status, at, actor, note FROM request_status_history WHERE reference = ? ORDER BY seq",
        reference,
        rs ->
            new StatusChange(
                RequestStatus.fromId(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4)));
  }

  private Optional<ResultSnapshot> result(String reference) throws SQLException {
    return query(
            "SELECT result FROM search_snapshot WHERE reference = ?",
            reference,
            rs -> read(rs.getString(1), ResultSnapshot.class))
        .stream()
        .findFirst();
  }

  private List<Decision> decisions(String reference) throws SQLException {
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

  private List<Redaction> redactions(String reference) throws SQLException {
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

  private List<PackageExport> exports(String reference) throws SQLException {
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

  private int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T tx(Work<T> work) throws SQLException {
    try {
      T t = work.run();
      c.commit();
      return t;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    c.close();
  }
}
