package jp.kaiji.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.catalog.SourceCatalog;

/**
 * Beyond disclosure: the decision per found record and per action (correct, delete, stop use, stop
 * provision), the work orders to each company's source owner, the owner's confirmation and Kaiji's
 * verification by re-reading the source. Every change is audited with the case's reference and the
 * order or record as target, never a value.
 */
public final class WorkOrderService {
  private final DisclosureService cases;
  private final WorkOrderStore store;
  private final SourceCheck check;
  private final Supplier<SourceCatalog> catalog;

  /** An action decision as staff send it. */
  public record ActionInput(
      String recordId,
      RecordAction action,
      Optional<String> field,
      Optional<String> newValue,
      ActionDecision.Verdict decision,
      Optional<RefusalGround> ground,
      Optional<String> reason) {}

  /** An owner's answer: {@code done} or {@code refused} (with a reason). */
  public record Confirmation(WorkOrder.Status status, Optional<String> reason) {}

  public WorkOrderService(
      DisclosureService cases,
      CaseStore store,
      ObjectMapper json,
      Supplier<SourceCatalog> catalog,
      SourceCheck check) {
    this.cases = cases;
    this.catalog = catalog;
    this.store = new WorkOrderStore(store, json);
    this.check = check;
  }

  WorkOrderStore store() {
    return store;
  }

  /** Records what is asked of each record and whether it is carried out or refused, and why. */
  public List<ActionDecision> decide(Principal who, String reference, List<ActionInput> inputs)
      throws DisclosureException {
    DisclosureCase c = cases.get(reference);
    // The review is closed: the result is frozen, so a decision's record stays in it.
    DisclosureService.requireStatus(c, "decide on actions", CaseStatus.READY, CaseStatus.EXPORTED);
    ResultSnapshot result =
        c.result()
            .orElseThrow(
                () ->
                    new DisclosureException(
                        DisclosureException.Kind.INVALID_TRANSITION,
                        "request " + reference + " holds no search result"));
    List<ActionDecision> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      ActionInput in = inputs.get(i);
      String at = "actions[" + i + "]";
      if (in.recordId() == null || in.action() == null || in.decision() == null) {
        throw new IllegalArgumentException(at + " needs recordId, action and decision");
      }
      Optional<ResultSnapshot.Hit> hit = result.hit(in.recordId()).filter(c::disclosed);
      if (hit.isEmpty()) {
        throw new DisclosureException(
            DisclosureException.Kind.NOT_IN_RESULT,
            "record " + in.recordId() + " is not one the request discloses",
            at + ".recordId");
      }
      if (in.action().askedUnder().stream().noneMatch(c.form().actions()::contains)) {
        throw new IllegalArgumentException(
            at + ".action '" + in.action().id() + "' was not asked on the request's form");
      }
      String field = in.field().orElse("").strip();
      if (!field.isEmpty()
          && in.action() == RecordAction.CORRECT
          && !hit.get().original().has(field)) {
        throw new IllegalArgumentException(
            at + ".field '" + field + "' is not a field of record " + in.recordId());
      }
      if (in.reason().map(String::length).orElse(0) > DisclosureService.MAX_REASON_CHARS
          || in.newValue().map(String::length).orElse(0) > DisclosureService.MAX_REASON_CHARS) {
        throw new IllegalArgumentException(
            at + " reason and newValue must be at most 1000 characters");
      }
      try {
        out.add(
            new ActionDecision(
                in.recordId(),
                in.action(),
                field,
                in.newValue().orElse(""),
                in.decision(),
                in.ground(),
                in.reason().orElse(""),
                who.name(),
                cases.now()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + " " + e.getMessage(), e);
      }
    }
    DisclosureService.db(
        () -> {
          store.saveDecisions(
              reference,
              out,
              out.stream()
                  .map(
                      d ->
                          DisclosureService.event(
                              who,
                              "record.action." + d.action().id() + "." + d.verdict().id(),
                              reference,
                              Optional.of(d.recordId()),
                              1))
                  .toList());
          return null;
        });
    return actions(reference);
  }

  /** Today in Japan, for due dates. */
  public java.time.LocalDate today() {
    return cases.today();
  }

  /** The action decisions of a request, which must exist. */
  public List<ActionDecision> actionsOf(Principal who, String reference)
      throws DisclosureException {
    cases.get(reference);
    return actions(reference);
  }

  /** The action decisions of a request. */
  public List<ActionDecision> actions(String reference) {
    return DisclosureService.db(() -> store.decisions(reference));
  }

  /**
   * Issues one order per source holding records to change, due on {@code dueOn}, for every carried
   * out decision of a source that has no order yet; the review must be closed.
   */
  public List<WorkOrder> issue(Principal who, String reference, LocalDate dueOn)
      throws DisclosureException {
    DisclosureCase c = cases.get(reference);
    DisclosureService.requireStatus(c, "issue work orders", CaseStatus.READY, CaseStatus.EXPORTED);
    if (c.result().isEmpty()) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "request " + reference + " holds no search result (deleted by an erasure or retention)");
    }
    ResultSnapshot result = c.result().get();
    Set<String> ordered =
        DisclosureService.db(() -> store.orders(Optional.of(reference), Optional.empty())).stream()
            .map(WorkOrder::source)
            .collect(Collectors.toSet());
    Map<String, List<WorkOrder.Item>> bySource = new LinkedHashMap<>();
    for (ActionDecision d : actions(reference)) {
      if (d.verdict() != ActionDecision.Verdict.CARRY_OUT || ordered.contains(d.source())) {
        continue;
      }
      JsonNode original = result.hit(d.recordId()).orElseThrow().original();
      String old = d.field().isEmpty() ? "" : PackageContents.text(original, d.field());
      bySource
          .computeIfAbsent(d.source(), s -> new ArrayList<>())
          .add(new WorkOrder.Item(d.recordId(), d.key(), d.action(), d.field(), old, d.newValue()));
    }
    if (bySource.isEmpty()) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "request " + reference + " has no carried-out action without a work order");
    }
    List<WorkOrder> orders = new ArrayList<>();
    bySource.forEach(
        (source, items) ->
            orders.add(
                new WorkOrder(
                    "new",
                    reference,
                    companyOf(result, source),
                    source,
                    dueOn.toString(),
                    cases.now(),
                    who.name(),
                    items,
                    WorkOrder.Status.SENT,
                    "",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of())));
    return DisclosureService.db(
        () ->
            store.issue(
                orders,
                orders.stream()
                    .map(
                        o ->
                            DisclosureService.event(
                                who,
                                "order.issue",
                                reference,
                                Optional.of(o.source()),
                                o.items().size()))
                    .toList()));
  }

  private static String companyOf(ResultSnapshot result, String source) {
    return result.companies().stream()
        .filter(c -> c.sources().stream().anyMatch(s -> s.source().equals(source)))
        .map(ResultSnapshot.Company::company)
        .findFirst()
        .orElseThrow();
  }

  /** The orders {@code who} may see: staff every one (of one request), an owner their company's. */
  public List<WorkOrder> orders(Principal who, Optional<String> reference) {
    return DisclosureService.db(() -> store.orders(reference, scope(who)));
  }

  /** {@link #orders}, audited as viewed (they hold old and new values). */
  public List<WorkOrder> viewOrders(Principal who, Optional<String> reference) {
    List<WorkOrder> out = orders(who, reference);
    cases.auditList(who, "order.list", out.size());
    return out;
  }

  /** Orders not finished by their due date, for {@code who}; audited as viewed. */
  public List<WorkOrder> overdue(Principal who) {
    LocalDate today = cases.today();
    List<WorkOrder> out =
        orders(who, Optional.empty()).stream().filter(o -> o.overdue(today)).toList();
    cases.auditList(who, "order.list.overdue", out.size());
    return out;
  }

  /** One order, audited as viewed or exported ({@code action}). */
  public WorkOrder view(Principal who, String id, String action) throws DisclosureException {
    WorkOrder o = order(who, id);
    cases.audit(who, action, o.reference(), Optional.of(o.id()), o.items().size());
    return o;
  }

  /** One order; an owner sees only their company's (another's is "not found"). */
  public WorkOrder order(Principal who, String id) throws DisclosureException {
    Optional<WorkOrder> o = DisclosureService.db(() -> store.order(id));
    if (o.isEmpty() || scope(who).map(c -> !c.equals(o.get().company())).orElse(false)) {
      throw new DisclosureException(DisclosureException.Kind.NOT_FOUND, "work order " + id);
    }
    return o.get();
  }

  private static Optional<String> scope(Principal who) {
    return who.role() == Role.OWNER ? who.company() : Optional.empty();
  }

  /** The owner's answer: done (Kaiji then verifies) or refused with a reason. */
  public WorkOrder confirm(Principal who, String id, Confirmation in) throws DisclosureException {
    WorkOrder o = order(who, id);
    if (in.status() != WorkOrder.Status.DONE && in.status() != WorkOrder.Status.REFUSED) {
      throw new IllegalArgumentException("status must be done or refused");
    }
    String reason = in.reason().map(String::strip).orElse("");
    if (in.status() == WorkOrder.Status.REFUSED && reason.isEmpty()) {
      throw new IllegalArgumentException("reason is required to refuse a work order");
    }
    if (reason.length() > DisclosureService.MAX_REASON_CHARS) {
      throw new IllegalArgumentException("reason must be at most 1000 characters");
    }
    boolean moved =
        DisclosureService.db(
            () ->
                store.move(
                    id,
                    List.of(WorkOrder.Status.SENT, WorkOrder.Status.DIFFERS),
                    in.status(),
                    Optional.of(reason),
                    Optional.of(who.name()),
                    cases.now(),
                    o.differences(),
                    List.of(event(who, "order.confirm." + in.status().id(), o))));
    if (!moved) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "work order " + id + " is " + o.status().id() + " and cannot be answered");
    }
    return order(who, id);
  }

  /**
   * Re-reads the order's source and checks every item: a deleted record is gone, a set field holds
   * its new value. The order becomes verified, or differs with one line per item not done.
   */
  public WorkOrder verify(Principal who, String id) throws DisclosureException {
    WorkOrder o = order(who, id);
    if (o.status() != WorkOrder.Status.DONE) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "work order "
              + id
              + " is "
              + o.status().id()
              + ": only an order the owner reported done is verified");
    }
    Map<String, Optional<JsonNode>> now;
    try {
      now =
          check.reread(o.source(), o.items().stream().map(WorkOrder.Item::key).distinct().toList());
    } catch (IOException e) {
      // Another rebuild or sync holds the index, or the source cannot be read right now: the
      // order stays done and is verified again later.
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "source "
              + o.source()
              + " could not be re-read now ("
              + e.getClass().getSimpleName()
              + "); work order "
              + id
              + " stays done: verify it again");
    }
    List<String> differences = new ArrayList<>();
    for (WorkOrder.Item item : o.items()) {
      Optional<JsonNode> record = now.getOrDefault(item.key(), Optional.empty());
      if (item.action() == RecordAction.DELETE) {
        if (record.isPresent()) {
          differences.add(item.recordId() + ": still in the source (to be deleted)");
        }
      } else if (record.isEmpty()) {
        differences.add(item.recordId() + ": no longer in the source (was to be kept and changed)");
      } else if (!item.field().isEmpty()
          && !PackageContents.text(record.get(), item.field()).equals(item.newValue())) {
        differences.add(
            item.recordId() + ": field " + item.field() + " does not hold the new value");
      }
    }
    WorkOrder.Status to =
        differences.isEmpty() ? WorkOrder.Status.VERIFIED : WorkOrder.Status.DIFFERS;
    DisclosureService.db(
        () ->
            store.move(
                id,
                List.of(WorkOrder.Status.DONE),
                to,
                Optional.empty(),
                Optional.empty(),
                cases.now(),
                differences,
                List.of(event(who, "order.verify." + to.id(), o))));
    return order(who, id);
  }

  /** The catalogue serving now, for the names of companies and sources. */
  public SourceCatalog catalog() {
    return catalog.get();
  }

  /** The answer letter to the requester (結果の通知), audited as viewed. */
  public String answer(Principal who, String reference) throws DisclosureException {
    DisclosureCase c = cases.get(reference);
    List<ActionDecision> decisions = actions(reference);
    cases.audit(who, "answer.view", reference, Optional.empty(), decisions.size());
    return AnswerLetter.render(
        c, decisions, orders(who, Optional.of(reference)), catalog.get(), cases.now());
  }

  private static AuditEvent event(Principal who, String action, WorkOrder o) {
    return DisclosureService.event(
        who, action, o.reference(), Optional.of(o.id()), o.items().size());
  }
}
