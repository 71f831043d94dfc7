package jp.kaiji.http.disclosure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.disclosure.RequestChecks;

/** The JSON shapes of a request: a summary for lists, everything for one request. */
final class RequestViews {
  private RequestViews() {}

  static Map<String, Object> summary(DisclosureCase c, LocalDate today, int nearingDays) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", c.reference());
    m.put("status", c.status());
    m.put("receivedOn", c.form().receivedOn());
    m.put("dueOn", c.form().dueOn());
    m.put("dueWarning", c.dueWarning(today, nearingDays));
    m.put("requesterKind", c.form().requesterKind());
    m.put("actions", c.form().actions());
    m.put("delivery", c.form().delivery());
    m.put("records", c.result().map(r -> r.hits().count()).orElse(0L));
    m.put("undecided", c.undecided().size());
    m.put("readyAt", c.readyAt());
    return m;
  }

  static Map<String, Object> full(DisclosureCase c, LocalDate today, int nearingDays) {
    Map<String, Object> m = summary(c, today, nearingDays);
    m.put("form", c.form());
    m.put("fee", Map.of("yen", c.form().feeYen(), "paid", c.form().feePaid()));
    m.put("checks", RequestChecks.of(c.form()).findings());
    m.put("history", c.history());
    m.put("result", c.result());
    m.put("decisions", c.decisions());
    m.put("undecidedRecords", c.undecided());
    m.put("redactions", c.redactions());
    m.put(
        "exports",
        c.exports().stream()
            .map(
                e ->
                    Map.of(
                        "file",
                        java.nio.file.Path.of(e.file()).getFileName().toString(),
                        "sha256",
                        e.sha256(),
                        "bytes",
                        e.bytes(),
                        "generation",
                        e.generation(),
                        "exportedAt",
                        e.exportedAt(),
                        "actor",
                        e.actor()))
            .toList());
    return m;
  }
}
