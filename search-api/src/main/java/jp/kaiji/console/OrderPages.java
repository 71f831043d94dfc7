package jp.kaiji.console;

import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import jp.kaiji.auth.Role;
import jp.kaiji.disclosure.ActionDecision;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.RecordAction;
import jp.kaiji.disclosure.RefusalGround;
import jp.kaiji.disclosure.WorkOrder;
import jp.kaiji.disclosure.WorkOrderExport;
import jp.kaiji.disclosure.WorkOrderService;
import jp.kaiji.html.Html;

/**
 * Correction, deletion and stops in the console: on a request (staff) the decision per record and
 * action, the work orders and the answer letter; the orders list with the overdue ones marked
 * (staff, and an owner for their company); one order with its items, the owner's confirmation and
 * the staff's verification. Calls the same services as the API with the signed-in principal.
 */
final class OrderPages {
  /** The answer letter is the requester's document: its inline style only, no script. */
  private static final String LETTER_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

  private final Console console;
  private final DisclosureService cases;
  private final WorkOrderService orders;

  OrderPages(Console console, DisclosureService cases, WorkOrderService orders) {
    this.console = console;
    this.cases = cases;
    this.orders = orders;
  }

  /** {@code /console/requests/{ref}/orders}: decisions per record and action, orders, letter. */
  void ofRequest(ConsoleRequest r) throws Exception {
    show(r, 200, Optional.empty());
  }

  private void show(ConsoleRequest r, int status, Optional<String> error) throws Exception {
    Messages m = r.m;
    String ref = r.pathParam("ref");
    String base = "/console/requests/" + CaseView.url(ref);
    DisclosureCase c;
    try {
      c = cases.view(r.who(), ref);
    } catch (DisclosureException e) {
      r.html(404, Layout.page(r, m.t("error.notfound"), console.current(), new Html()));
      return;
    }
    Html b = new Html();
    b.raw("<p>").el("a", "← " + ref, "href", base).raw("</p>");
    error.ifPresent(e -> b.el("p", e, "class", "error", "id", "orders-error", "role", "alert"));
    b.el("h2", m.t("orders.decisions"));
    List<ActionDecision> decided = orders.actions(ref);
    if (decided.isEmpty()) {
      b.el("p", m.t("orders.decisions.none"), "class", "hint");
    } else {
      b.raw("<table id=\"action-decisions\"><tr>");
      for (String col : List.of("record", "action", "field", "decision", "reason", "by")) {
        b.el("th", m.t("orders.col." + col));
      }
      b.raw("</tr>");
      for (ActionDecision d : decided) {
        b.raw("<tr>")
            .el("td", d.recordId())
            .el("td", d.action().japanese())
            .el("td", d.field().isEmpty() ? "—" : d.field() + " → " + d.newValue())
            .el("td", m.t("orders.verdict." + d.verdict().id()))
            .el("td", d.ground().map(RefusalGround::japanese).orElse("") + " " + d.reason())
            .el("td", d.decidedBy())
            .raw("</tr>");
      }
      b.raw("</table>");
    }
    c.result()
        .ifPresent(
            result -> {
              b.raw("<form method=\"post\" class=\"grid\" id=\"action-form\" action=\"")
                  .text(base)
                  .raw("/actions\">")
                  .add(Fragments.csrfField(r.signedIn()))
                  .raw("<label>")
                  .text(m.t("orders.col.record"))
                  .raw(" <select name=\"recordId\" id=\"action-record\">");
              result.hits().forEach(h -> b.el("option", h.id(), "value", h.id()));
              b.raw("</select></label><label>")
                  .text(m.t("orders.col.action"))
                  .raw(" <select name=\"action\" id=\"action-kind\">");
              for (RecordAction a : RecordAction.values()) {
                b.el("option", a.japanese(), "value", a.id());
              }
              b.raw("</select></label><label>")
                  .text(m.t("orders.col.field"))
                  .raw(" <input name=\"field\" id=\"action-field\"></label><label>")
                  .text(m.t("orders.newvalue"))
                  .raw(" <input name=\"newValue\" id=\"action-value\"></label><label>")
                  .text(m.t("orders.col.decision"))
                  .raw(" <select name=\"decision\" id=\"action-decision\">")
                  .el("option", m.t("orders.verdict.carry_out"), "value", "carry_out")
                  .el("option", m.t("orders.verdict.refuse"), "value", "refuse")
                  .raw("</select></label><label>")
                  .text(m.t("orders.ground"))
                  .raw(
                      " <select name=\"ground\" id=\"action-ground\"><option value=\"\">—</option>");
              for (RefusalGround g : RefusalGround.values()) {
                b.el("option", g.japanese(), "value", g.id());
              }
              b.raw("</select></label><label>")
                  .text(m.t("orders.col.reason"))
                  .raw(" <input name=\"reason\" id=\"action-reason\"></label>")
                  .el("button", m.t("orders.decide"), "type", "submit", "id", "action-submit")
                  .raw("</form>");
            });

    b.el("h2", m.t("orders.title"));
    orderTable(r, b, orders.viewOrders(r.who(), Optional.of(ref)));
    b.raw("<form method=\"post\" id=\"issue-form\" action=\"")
        .text(base)
        .raw("/orders\">")
        .add(Fragments.csrfField(r.signedIn()))
        .raw("<label>")
        .text(m.t("orders.due"))
        .raw(" <input type=\"date\" name=\"dueOn\" id=\"issue-due\" required value=\"")
        .text(cases.today().plusDays(14))
        .raw("\"></label> ")
        .el("button", m.t("orders.issue"), "type", "submit", "id", "issue")
        .raw("</form>");
    b.el("h2", m.t("orders.letter"))
        .raw("<p><a id=\"answer-letter\" href=\"")
        .text(base)
        .raw("/answer.html\" target=\"_blank\" rel=\"noopener\">")
        .text(m.t("orders.letter.open"))
        .raw("</a></p>");
    r.html(status, Layout.page(r, m.t("orders.page", ref), console.current(), b));
  }

  void decide(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    try {
      orders.decide(
          r.who(),
          ref,
          List.of(
              new WorkOrderService.ActionInput(
                  r.param("recordId").orElse(null),
                  r.param("action").map(RecordAction::fromId).orElse(null),
                  r.param("field").filter(s -> !s.isBlank()),
                  r.param("newValue").filter(s -> !s.isEmpty()),
                  r.param("decision").map(ActionDecision.Verdict::fromId).orElse(null),
                  r.param("ground").filter(s -> !s.isBlank()).map(RefusalGround::fromId),
                  r.param("reason").filter(s -> !s.isBlank()))));
    } catch (DisclosureException | IllegalArgumentException e) {
      show(r, 400, Optional.of(e.getMessage()));
      return;
    }
    r.redirect("/console/requests/" + CaseView.url(ref) + "/orders");
  }

  void issue(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    try {
      LocalDate due = LocalDate.parse(r.param("dueOn").orElse(""));
      orders.issue(r.who(), ref, due);
    } catch (DateTimeParseException e) {
      show(r, 400, Optional.of(r.m.t("orders.due.invalid")));
      return;
    } catch (DisclosureException e) {
      show(r, 409, Optional.of(e.getMessage()));
      return;
    }
    r.redirect("/console/requests/" + CaseView.url(ref) + "/orders");
  }

  void letter(ConsoleRequest r) throws Exception {
    String html;
    try {
      html = orders.answer(r.who(), r.pathParam("ref"));
    } catch (DisclosureException e) {
      r.html(404, Layout.page(r, r.m.t("error.notfound"), console.current(), new Html()));
      return;
    }
    r.exchange
        .getResponseHeaders()
        .put(HttpString.tryFromString("Content-Security-Policy"), LETTER_CSP);
    r.exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
    r.exchange.getResponseSender().send(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code /console/orders}: every order the signed-in user may see, overdue ones marked. */
  void list(ConsoleRequest r) throws Exception {
    Html b = new Html();
    b.el("p", r.m.t("orders.list.hint"), "class", "hint");
    orderTable(r, b, orders.viewOrders(r.who(), Optional.empty()));
    r.html(200, Layout.page(r, r.m.t("orders.list"), console.current(), b));
  }

  private void orderTable(ConsoleRequest r, Html b, List<WorkOrder> list) {
    Messages m = r.m;
    if (list.isEmpty()) {
      b.el("p", m.t("orders.none"), "class", "hint");
      return;
    }
    LocalDate today = orders.today();
    b.raw("<table id=\"orders\"><tr>");
    for (String col : List.of("id", "request", "company", "source", "items", "due", "status")) {
      b.el("th", m.t("orders.col." + col));
    }
    b.raw("</tr>");
    for (WorkOrder o : list) {
      boolean late = o.overdue(today);
      b.raw(late ? "<tr class=\"overdue\">" : "<tr>")
          .raw("<td>")
          .el("a", o.id(), "href", "/console/orders/" + CaseView.url(o.id()))
          .raw("</td>")
          .el("td", o.reference())
          .el("td", WorkOrderExport.json(o, orders.catalog()).get("companyName"))
          .el("td", WorkOrderExport.json(o, orders.catalog()).get("sourceTitle"))
          .el("td", o.items().size())
          .el("td", o.dueOn() + (late ? " " + m.t("orders.overdue") : ""))
          .el("td", o.status().japanese())
          .raw("</tr>");
    }
    b.raw("</table>");
  }

  /** {@code /console/orders/{id}}: one order, with the owner's and the staff's buttons. */
  void one(ConsoleRequest r) throws Exception {
    oneShown(r, 200, Optional.empty());
  }

  private void oneShown(ConsoleRequest r, int status, Optional<String> error) throws Exception {
    Messages m = r.m;
    WorkOrder o;
    try {
      o = orders.view(r.who(), r.pathParam("id"), "order.view");
    } catch (DisclosureException e) {
      r.html(404, Layout.page(r, m.t("error.notfound"), console.current(), new Html()));
      return;
    }
    String base = "/console/orders/" + CaseView.url(o.id());
    var names = WorkOrderExport.json(o, orders.catalog());
    Html b = new Html();
    error.ifPresent(e -> b.el("p", e, "class", "error", "id", "order-error", "role", "alert"));
    b.raw("<dl class=\"kv\" id=\"order-head\">");
    kv(b, m.t("orders.col.request"), o.reference());
    kv(b, m.t("orders.col.company"), names.get("companyName"));
    kv(b, m.t("orders.col.source"), names.get("sourceTitle") + " (" + o.source() + ")");
    kv(
        b,
        m.t("orders.col.due"),
        o.dueOn() + (o.overdue(orders.today()) ? " " + m.t("orders.overdue") : ""));
    kv(b, m.t("orders.col.status"), o.status().japanese());
    if (!o.ownerReason().isEmpty()) {
      kv(b, m.t("orders.col.reason"), o.ownerReason());
    }
    b.raw("</dl>");
    b.raw("<table id=\"order-items\"><tr>");
    for (String col : List.of("key", "action", "field", "old", "new")) {
      b.el("th", m.t("orders.col." + col));
    }
    b.raw("</tr>");
    for (WorkOrder.Item i : o.items()) {
      b.raw("<tr>")
          .el("td", i.key())
          .el("td", i.action().japanese())
          .el("td", i.field().isEmpty() ? "—" : i.field())
          .el("td", i.oldValue())
          .el("td", i.newValue())
          .raw("</tr>");
    }
    b.raw("</table>");
    if (!o.differences().isEmpty()) {
      b.el("h2", m.t("orders.differences")).raw("<ul id=\"differences\">");
      o.differences().forEach(d -> b.el("li", d));
      b.raw("</ul>");
    }
    b.raw("<p><a id=\"order-csv\" href=\"")
        .text(base)
        .raw("/csv\">")
        .text(m.t("orders.csv"))
        .raw("</a></p>");
    boolean open = o.status() == WorkOrder.Status.SENT || o.status() == WorkOrder.Status.DIFFERS;
    if (r.who().role() == Role.OWNER && open) {
      b.raw("<form method=\"post\" class=\"grid\" id=\"confirm-form\" action=\"")
          .text(base)
          .raw("/confirmation\">")
          .add(Fragments.csrfField(r.signedIn()))
          .raw("<label>")
          .text(m.t("orders.col.reason"))
          .raw(" <input name=\"reason\" id=\"confirm-reason\"></label>")
          .raw("<button type=\"submit\" name=\"status\" value=\"done\" id=\"confirm-done\">")
          .text(m.t("orders.confirm.done"))
          .raw(
              "</button> <button type=\"submit\" name=\"status\" value=\"refused\" class=\"danger\" id=\"confirm-refuse\">")
          .text(m.t("orders.confirm.refuse"))
          .raw("</button></form>");
    }
    if (r.who().role() == Role.STAFF && o.status() == WorkOrder.Status.DONE) {
      b.raw("<form method=\"post\" id=\"verify-form\" action=\"")
          .text(base)
          .raw("/verification\">")
          .add(Fragments.csrfField(r.signedIn()))
          .el("button", m.t("orders.verify"), "type", "submit", "id", "verify")
          .raw("</form>");
    }
    r.html(status, Layout.page(r, m.t("orders.one", o.id()), console.current(), b));
  }

  void csv(ConsoleRequest r) throws Exception {
    WorkOrder o;
    try {
      o = orders.view(r.who(), r.pathParam("id"), "order.export.csv");
    } catch (DisclosureException e) {
      r.html(404, Layout.page(r, r.m.t("error.notfound"), console.current(), new Html()));
      return;
    }
    r.exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/csv; charset=utf-8");
    r.exchange
        .getResponseHeaders()
        .put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + o.id() + ".csv\"");
    r.exchange.getResponseSender().send(ByteBuffer.wrap(WorkOrderExport.csv(o, orders.catalog())));
  }

  void confirm(ConsoleRequest r) throws Exception {
    String id = r.pathParam("id");
    try {
      orders.confirm(
          r.who(),
          id,
          new WorkOrderService.Confirmation(
              r.param("status").map(WorkOrder.Status::fromId).orElse(null),
              r.param("reason").filter(s -> !s.isBlank())));
    } catch (DisclosureException | IllegalArgumentException | NullPointerException e) {
      oneShown(r, 400, Optional.of(String.valueOf(e.getMessage())));
      return;
    }
    r.redirect("/console/orders/" + CaseView.url(id));
  }

  void verify(ConsoleRequest r) throws Exception {
    String id = r.pathParam("id");
    try {
      orders.verify(r.who(), id);
    } catch (DisclosureException e) {
      oneShown(r, 409, Optional.of(e.getMessage()));
      return;
    }
    r.redirect("/console/orders/" + CaseView.url(id));
  }

  private static void kv(Html b, String k, Object v) {
    b.el("dt", k).el("dd", v);
  }
}
