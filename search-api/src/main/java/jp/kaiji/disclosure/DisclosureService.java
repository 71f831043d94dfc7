package jp.kaiji.disclosure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.Principal;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.search.SearchRequest;
import jp.kaiji.search.SubjectSearchResult;
import jp.kaiji.search.SubjectSearchService;
import jp.kaiji.service.SearchFailure;

/**
 * Disclosure requests from receipt to exported package: create, search (linked to the request and
 * audited under its reference), decide, redact, mark ready, export. Every change is audited; every
 * transition that makes no sense is refused with a {@link DisclosureException}. Independent of
 * HTTP: the API and the {@code export} command both use it.
 */
public final class DisclosureService {
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** The longest reason of a rejection or a redaction (the store's column holds 1,000). */
  public static final int MAX_REASON_CHARS = 1000;

  private final CaseStore store;
  private final SubjectSearchService search;
  private final Supplier<SourceCatalog> catalog;
  private final AuditLog audit;
  private final Clock clock;
  private final CasePackages packages;

  /** A decision as the reviewer sends it. */
  public record DecisionInput(
      String recordId, Decision.Verdict decision, Optional<String> reason) {}

  /** A redaction as the reviewer sends it. */
  public record RedactionInput(String recordId, String field, int start, int end, String reason) {
    public RedactionInput {
      if (reason != null && reason.length() > MAX_REASON_CHARS) {
        throw new IllegalArgumentException(
            "reason must be at most " + MAX_REASON_CHARS + " characters");
      }
    }
  }

  /** What one run of the automated export did. */
  public record ExportRun(List<Exported> exported, List<Failed> failed) {}

  public record Exported(
      String reference, String file, String sha256, long bytes, String generation) {}

  public record Failed(String reference, String reason) {}

  public DisclosureService(
      CaseStore store,
      SubjectSearchService search,
      Supplier<SourceCatalog> catalog,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.search = search;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
    this.packages = new CasePackages(this, store, catalog);
    // Every change of a request commits with its audit entries: both or neither survive a crash.
    store.journal(audit);
  }

  public DisclosureCase create(Principal who, RequestForm form) throws DisclosureException {
    if (!db(
        () ->
            store.create(
                form,
                who.name(),
                now(),
                List.of(event(who, "request.create", form.reference(), Optional.empty(), 0))))) {
      throw new DisclosureException(
          DisclosureException.Kind.EXISTS, "request " + form.reference() + " exists already");
    }
    return get(form.reference());
  }

  public DisclosureCase view(Principal who, String reference) throws DisclosureException {
    DisclosureCase c = get(reference);
    audit(
        who,
        "request.view",
        reference,
        Optional.empty(),
        c.result().map(r -> (int) r.hits().count()).orElse(0));
    return c;
  }

  /**
   * Requests (of one status, if given) by due date; never personal data beyond what staff see
   * anyway.
   */
  public List<DisclosureCase> list(Principal who, Optional<CaseStatus> status) {
    List<DisclosureCase> out = new ArrayList<>();
    for (String ref : db(() -> store.references(status))) {
      db(() -> store.find(ref)).ifPresent(out::add);
    }
    audit.append(
        new AuditEvent(
            who.name(),
            who.role().id(),
            "request.list",
            Optional.empty(),
            List.of(),
            status.map(CaseStatus::id),
            out.size()));
    return out;
  }

  /** Today in Japan, for due-date warnings. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(JAPAN));
  }

  /**
   * Runs the subject search with the request's identifiers and stores the result on it; earlier
   * decisions are cleared. Answers what the search found, in the same shape as a search without a
   * request; the stored {@link ResultSnapshot} keeps what the review and the package need.
   */
  public SubjectSearchResult search(Principal who, String reference)
      throws DisclosureException, SearchFailure {
    DisclosureCase c = get(reference);
    requireStatus(c, "search", CaseStatus.RECEIVED, CaseStatus.IN_REVIEW);
    SubjectSearchResult found =
        SearchFailure.run(
            () ->
                search.search(who, new SearchRequest(Optional.of(reference), c.form().subject())));
    ResultSnapshot result = ResultSnapshot.of(found);
    db(
        () -> {
          store.saveResult(reference, result, who.name(), now());
          return null;
        });
    return found;
  }

  public DisclosureCase decide(Principal who, String reference, List<DecisionInput> inputs)
      throws DisclosureException {
    DisclosureCase c = get(reference);
    requireStatus(c, "decide on records", CaseStatus.IN_REVIEW);
    ResultSnapshot result = c.result().orElseThrow();
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      DecisionInput in = inputs.get(i);
      if (result.hit(in.recordId()).isEmpty()) {
        throw new DisclosureException(
            DisclosureException.Kind.NOT_IN_RESULT,
            "record "
                + in.recordId()
                + " is not in the stored search result of request "
                + reference,
            "decisions[" + i + "].recordId");
      }
      if (in.decision() == Decision.Verdict.REJECT
          && in.reason().map(String::isBlank).orElse(true)) {
        throw new IllegalArgumentException(
            "decisions[" + i + "].reason is required to reject a record");
      }
      if (in.reason().map(String::length).orElse(0) > MAX_REASON_CHARS) {
        throw new IllegalArgumentException(
            "decisions[" + i + "].reason must be at most " + MAX_REASON_CHARS + " characters");
      }
      decisions.add(
          new Decision(in.recordId(), in.decision(), in.reason().orElse(""), who.name(), now()));
    }
    db(
        () -> {
          store.saveDecisions(
              reference,
              decisions,
              decisions.stream()
                  .map(
                      d ->
                          event(
                              who,
                              "record.decision." + d.verdict().id(),
                              reference,
                              Optional.of(d.recordId()),
                              1))
                  .toList());
          return null;
        });
    return get(reference);
  }

  public Redaction redact(Principal who, String reference, RedactionInput in)
      throws DisclosureException {
    DisclosureCase c = get(reference);
    requireStatus(c, "redact records", CaseStatus.IN_REVIEW);
    if (in.recordId() == null || in.recordId().isBlank()) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_REDACTION, "recordId is required", "recordId");
    }
    ResultSnapshot.Hit hit =
        c.result()
            .orElseThrow()
            .hit(in.recordId())
            .orElseThrow(
                () ->
                    new DisclosureException(
                        DisclosureException.Kind.NOT_IN_RESULT,
                        "record "
                            + in.recordId()
                            + " is not in the stored search result of request "
                            + reference,
                        "recordId"));
    if (in.field() == null || in.field().isBlank()) {
      // A body without the field names no span to redact: the caller's error, not the server's.
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_REDACTION, "field is required", "field");
    }
    Redaction r =
        new Redaction(
            in.recordId(), in.field(), in.start(), in.end(), in.reason(), who.name(), now());
    try {
      Redactions.check(hit.original(), in.field(), in.start(), in.end());
    } catch (Redactions.Invalid e) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_REDACTION, e.getMessage(), e.field());
    }
    db(
        () -> {
          store.addRedaction(
              reference,
              r,
              List.of(
                  event(
                      who,
                      "record.redaction",
                      reference,
                      Optional.of(in.recordId() + "#" + in.field()),
                      1)));
          return null;
        });
    return r;
  }

  public DisclosureCase markReady(Principal who, String reference) throws DisclosureException {
    DisclosureCase c = get(reference);
    requireStatus(c, "be marked ready", CaseStatus.IN_REVIEW);
    List<String> undecided = c.undecided();
    if (!undecided.isEmpty()) {
      throw new DisclosureException(
          DisclosureException.Kind.UNDECIDED,
          undecided.size()
              + " needs-review record(s) of request "
              + reference
              + " are undecided: "
              + String.join(", ", undecided.subList(0, Math.min(10, undecided.size()))));
    }
    long disclosed = c.result().orElseThrow().hits().filter(c::disclosed).count();
    if (!db(
        () ->
            store.transition(
                reference,
                CaseStatus.IN_REVIEW,
                CaseStatus.READY,
                who.name(),
                now(),
                "review complete",
                List.of(
                    event(who, "request.ready", reference, Optional.empty(), (int) disclosed))))) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "request " + reference + " changed meanwhile; reload it");
    }
    return get(reference);
  }

  /** The package's archive bytes, rebuilt from the stored case (ready or exported). */
  public byte[] renderPackage(String reference) throws DisclosureException {
    return packages.render(reference);
  }

  /**
   * Exports every ready case into {@code dir} as {@code <reference>.zip} and marks it exported.
   * Idempotent: exported cases are not written again, so a second run exports nothing. A case that
   * fails is reported and stays ready; the others still go out.
   */
  public synchronized ExportRun exportReady(Principal who, Path dir) {
    return packages.exportReady(who, dir);
  }

  /**
   * The package's bytes for download, one rule for the API and the console (see {@link
   * CasePackages#bytes}).
   *
   * @param action the audit action, {@code package.download} or {@code package.preview}
   */
  public byte[] packageBytes(Principal who, String reference, String action)
      throws DisclosureException, IOException {
    return packages.bytes(who, reference, action);
  }

  /** A call into the request store. */
  @FunctionalInterface
  interface StoreCall<T> {
    T run() throws SQLException;
  }

  /**
   * Runs a store call; a database failure is not the caller's to handle, so it leaves as an
   * unchecked {@link StoreFailure} (the API answers it as an internal error with a reference).
   */
  static <T> T db(StoreCall<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new StoreFailure(e);
    }
  }

  CaseStore store() {
    return store;
  }

  DisclosureCase get(String reference) throws DisclosureException {
    return db(() -> store.find(reference))
        .orElseThrow(
            () ->
                new DisclosureException(
                    DisclosureException.Kind.NOT_FOUND, "request " + reference));
  }

  static void requireStatus(DisclosureCase c, String what, CaseStatus... allowed)
      throws DisclosureException {
    for (CaseStatus s : allowed) {
      if (c.status() == s) {
        return;
      }
    }
    String hint =
        switch (c.status()) {
          case RECEIVED -> "run its search first";
          case IN_REVIEW -> "finish the review and mark it ready first";
          case READY -> "it is ready for export; its review is closed";
          case EXPORTED -> "it has been exported; its review is closed";
        };
    throw new DisclosureException(
        DisclosureException.Kind.INVALID_TRANSITION,
        "request "
            + c.reference()
            + " is "
            + c.status().id()
            + " and cannot "
            + what
            + ": "
            + hint);
  }

  /** Audits a view of several requests' data (e.g. a list of work orders) with its count. */
  void auditList(Principal who, String action, int count) {
    audit.append(
        new AuditEvent(
            who.name(),
            who.role().id(),
            action,
            Optional.empty(),
            List.of(),
            who.company(),
            count));
  }

  void audit(Principal who, String action, String reference, Optional<String> target, int count) {
    audit.append(event(who, action, reference, target, count));
  }

  static AuditEvent event(
      Principal who, String action, String reference, Optional<String> target, int count) {
    return new AuditEvent(
        who.name(), who.role().id(), action, Optional.of(reference), List.of(), target, count);
  }

  String now() {
    return clock.instant().toString();
  }
}
