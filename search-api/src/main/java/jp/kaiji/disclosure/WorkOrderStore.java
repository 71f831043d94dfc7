package jp.kaiji.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kaiji.audit.AuditEvent;

/**
 * The rows of action decisions, work orders and purges of Kaiji's own copies, on the {@link
 * CaseStore}'s connection and under its lock, each change in one transaction with its audit entries
 * (as every change of a case).
 */
final class WorkOrderStore {
  private static final String ORDER_COLUMNS =
      "order_id, reference, company, source, due_on, issued_at, issued_by, items, status,"
          + " owner_reason, answered_by, answered_at, checked_at, differences";

  private final CaseStore store;
  private final ObjectMapper json;

  WorkOrderStore(CaseStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  /** Records decisions, replacing earlier ones on the same record, action and field. */
  void saveDecisions(String reference, List<ActionDecision> decisions, List<AuditEvent> audited)
      throws SQLException {
    store.transaction(
        none -> audited,
        () -> {
          for (ActionDecision d : decisions) {
            update(
                "DELETE FROM action_decision WHERE reference = ? AND record_id = ? AND action = ? AND field = ?",
                reference,
                d.recordId(),
                d.action().id(),
                d.field());
            update(
                "INSERT INTO action_decision (reference, record_id, action, field, new_value, decision, ground, reason, decided_by, decided_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reference,
                d.recordId(),
                d.action().id(),
                d.field(),
                d.newValue(),
                d.verdict().id(),
                d.ground().map(RefusalGround::id).orElse(""),
                d.reason(),
                d.decidedBy(),
                d.decidedAt());
          }
          return null;
        });
  }

  List<ActionDecision> decisions(String reference) throws SQLException {
    return store.read(
        () ->
            query(
                "SELECT record_id, action, field, new_value, decision, ground, reason, decided_by, decided_at"
                    + " FROM action_decision WHERE reference = ? ORDER BY record_id, action, field",
                List.of(reference),
                rs ->
                    new ActionDecision(
                        rs.getString(1),
                        RecordAction.fromId(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        ActionDecision.Verdict.fromId(rs.getString(5)),
                        rs.getString(6).isEmpty()
                            ? Optional.empty()
                            : Optional.of(RefusalGround.fromId(rs.getString(6))),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9))));
  }

  /** Stores new orders (their ids assigned here, in order); returns them as stored. */
  List<WorkOrder> issue(List<WorkOrder> orders, List<AuditEvent> audited) throws SQLException {
    return store.transaction(
        none -> audited,
        () -> {
          int next =
              query("SELECT COUNT(*) FROM work_order", List.of(), rs -> rs.getInt(1)).getFirst();
          List<WorkOrder> out = new ArrayList<>();
          for (WorkOrder o : orders) {
            String id = String.format(Locale.ROOT, "WO-%06d", ++next);
            update(
                "INSERT INTO work_order ("
                    + ORDER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                o.reference(),
                o.company(),
                o.source(),
                o.dueOn(),
                o.issuedAt(),
                o.issuedBy(),
                write(o.items()),
                WorkOrder.Status.SENT.id(),
                "",
                null,
                null,
                null,
                "[]");
            out.add(
                new WorkOrder(
                    id,
                    o.reference(),
                    o.company(),
                    o.source(),
                    o.dueOn(),
                    o.issuedAt(),
                    o.issuedBy(),
                    o.items(),
                    WorkOrder.Status.SENT,
                    "",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of()));
          }
          return out;
        });
  }

  Optional<WorkOrder> order(String id) throws SQLException {
    return store.read(
        () ->
            query(
                    "SELECT " + ORDER_COLUMNS + " FROM work_order WHERE order_id = ?",
                    List.of(id),
                    this::order)
                .stream()
                .findFirst());
  }

  /** A request's orders, or every order (of one company, if given), by due date. */
  List<WorkOrder> orders(Optional<String> reference, Optional<String> company) throws SQLException {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    reference.ifPresent(
        r -> {
          where.append(" AND reference = ?");
          args.add(r);
        });
    company.ifPresent(
        c -> {
          where.append(" AND company = ?");
          args.add(c);
        });
    return store.read(
        () ->
            query(
                "SELECT "
                    + ORDER_COLUMNS
                    + " FROM work_order"
                    + where
                    + " ORDER BY due_on, order_id",
                args,
                this::order));
  }

  /**
   * Moves an order from one of {@code from} to {@code to} with the owner's answer or Kaiji's check;
   * false when it was in none of them (answered meanwhile).
   */
  boolean move(
      String id,
      List<WorkOrder.Status> from,
      WorkOrder.Status to,
      Optional<String> ownerReason,
      Optional<String> answeredBy,
      String at,
      List<String> differences,
      List<AuditEvent> audited)
      throws SQLException {
    return store.transaction(
        moved -> moved ? audited : List.of(),
        () -> {
          String in = String.join(", ", from.stream().map(s -> "'" + s.id() + "'").toList());
          int n =
              answeredBy.isPresent()
                  ? update(
                      "UPDATE work_order SET status = ?, owner_reason = ?, answered_by = ?, answered_at = ?,"
                          + " differences = ? WHERE order_id = ? AND status IN ("
                          + in
                          + ")",
                      to.id(),
                      ownerReason.orElse(""),
                      answeredBy.get(),
                      at,
                      write(differences),
                      id)
                  : update(
                      "UPDATE work_order SET status = ?, checked_at = ?, differences = ?"
                          + " WHERE order_id = ? AND status IN ("
                          + in
                          + ")",
                      to.id(),
                      at,
                      write(differences),
                      id);
          return n == 1;
        });
  }

  /**
   * Deletes the stored search result of a request (its metadata, decisions and audit entries stay)
   * and records why; {@code what} names what went ({@code result}, {@code packages}).
   */
  void recordPurge(
      String reference,
      boolean deleteResult,
      String what,
      String cause,
      String at,
      List<AuditEvent> audited)
      throws SQLException {
    store.transaction(
        none -> audited,
        () -> {
          if (deleteResult) {
            update("DELETE FROM search_snapshot WHERE reference = ?", reference);
          }
          int seq =
              query(
                      "SELECT COALESCE(MAX(seq), 0) + 1 FROM copy_purge WHERE reference = ?",
                      List.of(reference),
                      rs -> rs.getInt(1))
                  .getFirst();
          update(
              "INSERT INTO copy_purge (reference, seq, what, cause, at) VALUES (?, ?, ?, ?, ?)",
              reference,
              seq,
              what,
              cause,
              at);
          return null;
        });
  }

  /** What was purged of a request, {@code what/cause/at} each. */
  List<String[]> purges(String reference) throws SQLException {
    return store.read(
        () ->
            query(
                "SELECT what, cause, at FROM copy_purge WHERE reference = ? ORDER BY seq",
                List.of(reference),
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
  }

  /** References with a stored search result, and when each reached its last status. */
  List<String[]> withResults() throws SQLException {
    return store.read(
        () ->
            query(
                "SELECT r.reference, r.status, COALESCE((SELECT MAX(h.at) FROM request_status_history h"
                    + " WHERE h.reference = r.reference), r.created_at) FROM disclosure_request r"
                    + " WHERE EXISTS (SELECT 1 FROM search_snapshot s WHERE s.reference = r.reference)"
                    + " OR EXISTS (SELECT 1 FROM package_export p WHERE p.reference = r.reference)"
                    + " ORDER BY r.reference",
                List.of(),
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
  }

  private WorkOrder order(ResultSet rs) throws SQLException {
    return new WorkOrder(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        read(rs.getString(8), new TypeReference<List<WorkOrder.Item>>() {}),
        WorkOrder.Status.fromId(rs.getString(9)),
        rs.getString(10),
        Optional.ofNullable(rs.getString(11)),
        Optional.ofNullable(rs.getString(12)),
        Optional.ofNullable(rs.getString(13)),
        read(rs.getString(14), new TypeReference<List<String>>() {}));
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, List<?> args, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
    }
    return out;
  }

  private int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored work order is unreadable", e);
    }
  }
}
