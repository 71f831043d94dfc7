package jp.kaiji.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.audit.AuditLog;

/**
 * The durable store of disclosure requests over JDBC: an embedded SQLite database by default
 * (journal in WAL mode, {@code synchronous=FULL}: a commit returns only once it is on disk),
 * PostgreSQL (or any database the migrations run on) through the configured URL. The schema is
 * brought up to date by {@link SchemaMigrations} when the store opens. Where the databases live and
 * the offline operations on them are in {@link CaseDatabases}; reading a case's rows in {@link
 * CaseRows}.
 *
 * <p>One connection, used under this object's lock: requests are handled by a few staff, and each
 * change (a status with its history line, a result with its decisions cleared) is one transaction.
 *
 * <p>Once {@link #journal journalled}, every change commits together with its audit entries (see
 * {@link AuditLog#appendCommitted}): the entries are forced to the log and the log's new head is
 * recorded in the same transaction, before it commits. So after any crash the store and the log
 * agree: a change acknowledged is in both, one not committed is in neither, and a log cut short
 * behind the store's recorded head is detected.
 */
public final class CaseStore implements AutoCloseable, AuditLog.Anchor {
  private final Connection c;
  private final ObjectMapper json;
  private final CaseRows rows;
  private AuditLog journal;

  private CaseStore(Connection c, ObjectMapper json) {
    this.c = c;
    this.json = json;
    this.rows = new CaseRows(c, json);
  }

  /** The connection, for {@link CaseDatabases#importFrom} under this store's lock. */
  Connection connection() {
    return c;
  }

  /** Opens the database and migrates its schema. */
  public static CaseStore open(
      String url, String user, String password, Clock clock, ObjectMapper json)
      throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try {
      if (url.startsWith("jdbc:sqlite:")) {
        try (Statement st = c.createStatement()) {
          // WAL: readers never block the writer; FULL: the WAL is synced at every commit, so an
          // acknowledged change survives kill -9 and power loss. A second process waits 5 s.
          st.execute("PRAGMA busy_timeout = 5000");
          st.execute("PRAGMA journal_mode = WAL");
          st.execute("PRAGMA synchronous = FULL");
          st.execute("PRAGMA foreign_keys = ON");
        }
      }
      SchemaMigrations.migrate(c, clock);
      c.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return new CaseStore(c, json);
  }

  /** From now on every change commits with its audit entries in {@code log}. */
  public synchronized void journal(AuditLog log) {
    this.journal = log;
  }

  @Override
  public synchronized Optional<AuditLog.Head> head() throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT seq, hash FROM audit_anchor WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      Optional<AuditLog.Head> h =
          rs.next()
              ? Optional.of(new AuditLog.Head(rs.getLong(1), rs.getString(2)))
              : Optional.empty();
      c.commit();
      return h;
    }
  }

  @Override
  public synchronized void advance(AuditLog.Head head) throws SQLException {
    try {
      anchor(head, false);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  /** Records {@code head} unless a newer one is recorded; {@code orEqual} for a transaction's. */
  private void anchor(AuditLog.Head head, boolean orEqual) throws SQLException {
    int n =
        update(
            "UPDATE audit_anchor SET seq = ?, hash = ? WHERE id = 1 AND seq "
                + (orEqual ? "<=" : "<")
                + " ?",
            head.seq(),
            head.hash(),
            head.seq());
    if (n == 0 && !hasRow("SELECT 1 FROM audit_anchor WHERE id = 1")) {
      update("INSERT INTO audit_anchor (id, seq, hash) VALUES (1, ?, ?)", head.seq(), head.hash());
    }
  }

  /** Stores a new request as received; false when the reference exists already. */
  public synchronized boolean create(
      RequestForm form, String actor, String at, List<AuditEvent> audited) throws SQLException {
    if (exists(form.reference())) {
      return false;
    }
    return tx(
        created -> audited,
        () -> {
          update(
              "INSERT INTO disclosure_request (reference, status, received_on, due_on, form, created_at) VALUES (?, ?, ?, ?, ?, ?)",
              form.reference(),
              CaseStatus.RECEIVED.id(),
              form.receivedOn(),
              form.dueOn(),
              write(form),
              at);
          history(form.reference(), CaseStatus.RECEIVED, at, actor, "received");
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
        RequestForm form = rows.read(rs.getString(1), RequestForm.class);
        CaseStatus status = CaseStatus.fromId(rs.getString(2));
        String created = rs.getString(3);
        Optional<String> ready = Optional.ofNullable(rs.getString(4));
        c.commit();
        return Optional.of(
            new DisclosureCase(
                form,
                status,
                created,
                ready,
                rows.history(reference),
                rows.result(reference),
                rows.decisions(reference),
                rows.redactions(reference),
                rows.exports(reference)));
      }
    }
  }

  /** References by due date then reference, optionally of one status. */
  synchronized List<String> references(Optional<CaseStatus> status) throws SQLException {
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
  synchronized void saveResult(String reference, ResultSnapshot result, String actor, String at)
      throws SQLException {
    tx(
        none -> List.of(),
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
              CaseStatus.IN_REVIEW.id(),
              reference);
          history(
              reference,
              CaseStatus.IN_REVIEW,
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
  public synchronized void saveDecisions(
      String reference, List<Decision> decisions, List<AuditEvent> audited) throws SQLException {
    tx(
        none -> audited,
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

  synchronized void addRedaction(String reference, Redaction r, List<AuditEvent> audited)
      throws SQLException {
    tx(
        none -> audited,
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
  synchronized boolean transition(
      String reference,
      CaseStatus from,
      CaseStatus to,
      String actor,
      String at,
      String note,
      List<AuditEvent> audited)
      throws SQLException {
    return tx(
        moved -> moved ? audited : List.of(),
        () -> {
          String readyAt = to == CaseStatus.READY ? at : null;
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
  /**
   * Marks a ready request exported and records its package, in one transaction; false (and nothing
   * recorded) when it was no longer ready, e.g. exported meanwhile by a concurrent export.
   */
  synchronized boolean recordExport(String reference, PackageExport e, List<AuditEvent> audited)
      throws SQLException {
    return tx(
        moved -> moved ? audited : List.of(),
        () -> {
          if (update(
                  "UPDATE disclosure_request SET status = ? WHERE reference = ? AND status = ?",
                  CaseStatus.EXPORTED.id(),
                  reference,
                  CaseStatus.READY.id())
              != 1) {
            return false;
          }
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
          history(
              reference, CaseStatus.EXPORTED, e.exportedAt(), e.actor(), "exported " + e.sha256());
          return true;
        });
  }

  private boolean exists(String reference) throws SQLException {
    boolean found = hasRow("SELECT 1 FROM disclosure_request WHERE reference = ?", reference);
    c.commit();
    return found;
  }

  boolean hasRow(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void history(String reference, CaseStatus status, String at, String actor, String note)
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

  private int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} on this connection as one transaction with its audit entries. */
  synchronized <T> T transaction(Function<T, List<AuditEvent>> audited, Work<T> work)
      throws SQLException {
    return tx(audited, work);
  }

  /** Runs reads on this connection under the store's lock, then ends their transaction. */
  synchronized <T> T read(Work<T> work) throws SQLException {
    try {
      return work.run();
    } finally {
      c.commit();
    }
  }

  /**
   * Runs {@code work} in a transaction and commits it, with the audit entries {@code audited}
   * derives from its result when journalled. A failure rolls everything back (the log included).
   */
  private <T> T tx(Function<T, List<AuditEvent>> audited, Work<T> work) throws SQLException {
    try {
      T t = work.run();
      if (journal == null) {
        c.commit();
      } else {
        journal.appendCommitted(
            audited.apply(t),
            new AuditLog.Transaction() {
              @Override
              public void anchor(AuditLog.Head head) throws SQLException {
                CaseStore.this.anchor(head, true);
              }

              @Override
              public void commit() throws SQLException {
                c.commit();
              }
            });
      }
      return t;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      throw e;
    } catch (Exception e) {
      rollbackQuietly();
      throw new SQLException("cannot commit with its audit entries", e);
    }
  }

  /** Rolls back; after a failed commit (a full disk) the driver may have done so already. */
  void rollbackQuietly() {
    try {
      c.rollback();
    } catch (SQLException e) {
      // SQLite rolls back by itself on a full disk, and then the driver's ROLLBACK fails before
      // it opens the next transaction: start one afresh, or the connection stays unusable.
      try {
        c.setAutoCommit(true);
      } catch (SQLException again) {
        // "no transaction is active": what we are repairing
      }
      try {
        c.setAutoCommit(false);
      } catch (SQLException again) {
        // the next statement fails alike and is answered as an error
      }
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    c.close();
  }
}
