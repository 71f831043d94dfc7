package jp.kaiji.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A request with everything done on it so far, as stored.
 *
 * @param readyAt when it was marked ready: the package's "generated" time, so that exporting the
 *     same request twice gives the same bytes
 */
public record DisclosureCase(
    RequestForm form,
    CaseStatus status,
    String createdAt,
    Optional<String> readyAt,
    List<StatusChange> history,
    Optional<ResultSnapshot> result,
    List<Decision> decisions,
    List<Redaction> redactions,
    List<PackageExport> exports) {

  public DisclosureCase {
    readyAt = readyAt == null ? Optional.empty() : readyAt;
    history = List.copyOf(history);
    decisions = List.copyOf(decisions);
    redactions = List.copyOf(redactions);
    exports = List.copyOf(exports);
  }

  public String reference() {
    return form.reference();
  }

  public Map<String, Decision> decisionsById() {
    return decisions.stream().collect(Collectors.toMap(Decision::recordId, Function.identity()));
  }

  /** Needs-review records of the stored result without a decision yet. */
  public List<String> undecided() {
    Map<String, Decision> d = decisionsById();
    return result.stream()
        .flatMap(ResultSnapshot::hits)
        .filter(ResultSnapshot.Hit::needsReview)
        .map(ResultSnapshot.Hit::id)
        .filter(id -> !d.containsKey(id))
        .toList();
  }

  /** Whether a record goes into the package: confirmed and not rejected, or accepted. */
  boolean disclosed(ResultSnapshot.Hit hit) {
    Decision d = decisionsById().get(hit.id());
    return d == null ? !hit.needsReview() : d.verdict() == Decision.Verdict.ACCEPT;
  }

  /**
   * {@code overdue} past the due date, {@code nearing} within {@code nearingDays}, else empty;
   * exported requests never warn.
   */
  public Optional<String> dueWarning(LocalDate today, int nearingDays) {
    if (status == CaseStatus.EXPORTED) {
      return Optional.empty();
    }
    LocalDate due = form.dueDate();
    if (today.isAfter(due)) {
      return Optional.of("overdue");
    }
    return today.plusDays(nearingDays).isBefore(due) ? Optional.empty() : Optional.of("nearing");
  }
}
