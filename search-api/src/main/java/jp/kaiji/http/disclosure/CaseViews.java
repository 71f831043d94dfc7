package jp.kaiji.http.disclosure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaiji.disclosure.CaseChecks;
import jp.kaiji.disclosure.Decision;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.disclosure.ResultSnapshot;

/**
 * The JSON shapes of a request, as {@code openapi.json} names them: {@code RequestSummary} for
 * lists, {@code Request} for one request, {@code Decisions} for the answer to decisions. The stored
 * result is shown in the shape of every search answer ({@code SubjectSearchResult}), and a decision
 * comes back under the name it goes in with ({@code decision}).
 */
final class CaseViews {
  private CaseViews() {}

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
    m.put("checks", CaseChecks.of(c.form()).findings());
    m.put("history", c.history());
    m.put("result", c.result().map(r -> result(c.reference(), r)));
    m.put("decisions", decisions(c.decisions()));
    m.put("undecidedRecords", c.undecided());
    m.put("redactions", c.redactions());
    m.put(
        "exports",
        c.exports().stream()
            .map(
                e -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("file", Path.of(e.file()).getFileName().toString());
                  x.put("sha256", e.sha256());
                  x.put("bytes", e.bytes());
                  x.put("generation", e.generation());
                  x.put("exportedAt", e.exportedAt());
                  x.put("actor", e.actor());
                  return x;
                })
            .toList());
    return m;
  }

  /** The answer to decisions: every decision so far and the needs-review records still open. */
  static Map<String, Object> decided(DisclosureCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", c.reference());
    m.put("decisions", decisions(c.decisions()));
    m.put("undecided", c.undecided());
    return m;
  }

  static List<Map<String, Object>> decisions(List<Decision> decisions) {
    return decisions.stream()
        .map(
            d -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("recordId", d.recordId());
              x.put("decision", d.verdict());
              x.put("reason", d.reason());
              x.put("decidedBy", d.decidedBy());
              x.put("decidedAt", d.decidedAt());
              return x;
            })
        .toList();
  }

  /**
   * The stored result in the shape of a search answer; its records carry what the review and the
   * package need (the matcher's {@code foundBy}, {@code via} and {@code attributes} are not kept).
   */
  static Map<String, Object> result(String reference, ResultSnapshot r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestReference", reference);
    m.put("searchedAt", r.searchedAt());
    m.put("generation", Map.of("id", r.generation(), "builtAt", r.generationBuiltAt()));
    long confirmed = r.hits().filter(h -> !h.needsReview()).count();
    long all = r.hits().count();
    m.put(
        "summary", Map.of("records", all, "confirmed", confirmed, "needsReview", all - confirmed));
    m.put("companies", r.companies());
    m.put("sourcesSearched", r.sourcesSearched());
    m.put("unusableIdentifiers", r.unusableIdentifiers());
    m.put("categories", r.categories());
    return m;
  }
}
