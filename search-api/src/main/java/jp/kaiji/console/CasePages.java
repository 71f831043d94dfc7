package jp.kaiji.console;

import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import jp.kaiji.disclosure.CaseStatus;
import jp.kaiji.disclosure.Decision;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.ResultSnapshot;
import jp.kaiji.html.Html;
import jp.kaiji.service.SearchFailure;

/**
 * The disclosure request pages: the list by due date, one request with its form, checks and fee,
 * the search, a decision per record, redactions, then the package. Every action goes through {@link
 * DisclosureService} with the signed-in Principal, so it is audited as in the API.
 */
final class CasePages {
  static final int NEARING_DAYS = 3;

  /**
   * The package preview is the requester's document: its inline style only, no script, sandboxed.
   */
  private static final String PREVIEW_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

  private final Console console;
  private final DisclosureService disclosure;
  private final CaseView caseView;

  CasePages(Console console, DisclosureService disclosure) {
    this.console = console;
    this.disclosure = disclosure;
    this.caseView = new CaseView(console, disclosure);
  }

  void list(ConsoleRequest r) throws Exception {
    Messages m = r.m;
    Optional<CaseStatus> status =
        r.param("status")
            .flatMap(
                s ->
                    java.util.Arrays.stream(CaseStatus.values())
                        .filter(x -> x.id().equals(s))
                        .findFirst());
    List<DisclosureCase> cases = disclosure.list(r.who(), status);
    var today = disclosure.today();
    Html b = new Html();
    b.raw(
            "<p class=\"toolbar\"><a class=\"button\" id=\"new-request\" href=\"/console/requests/new\">")
        .text(m.t("reg.link"))
        .raw("</a></p>");
    b.raw(
            "<form method=\"get\" action=\"/console/requests\" class=\"filters\"><label for=\"status\">")
        .text(m.t("req.filter"))
        .raw("</label><select id=\"status\" name=\"status\"><option value=\"\">")
        .text(m.t("req.all"))
        .raw("</option>");
    for (CaseStatus s : CaseStatus.values()) {
      b.raw("<option value=\"")
          .text(s.id())
          .raw("\"")
          .raw(status.filter(s::equals).isPresent() ? " selected" : "")
          .raw(">")
          .text(m.t("status." + s.id()))
          .raw("</option>");
    }
    b.raw("</select><button type=\"submit\" id=\"filter\">")
        .text(m.t("req.apply"))
        .raw("</button></form>");
    b.raw("<table id=\"requests\"><thead><tr><th>")
        .text(m.t("req.reference"))
        .raw("</th><th>")
        .text(m.t("req.received"))
        .raw("</th><th>")
        .text(m.t("req.kind"))
        .raw("</th><th>")
        .text(m.t("req.actions"))
        .raw("</th><th>")
        .text(m.t("req.status"))
        .raw("</th><th>")
        .text(m.t("req.due"))
        .raw("</th></tr></thead><tbody>");
    for (DisclosureCase c : cases) {
      Optional<String> warn = c.dueWarning(today, NEARING_DAYS);
      b.raw("<tr data-reference=\"")
          .text(c.reference())
          .raw("\"")
          .attr("class", warn.orElse(null))
          .raw("><td><a href=\"/console/requests/")
          .text(CaseView.url(c.reference()))
          .raw("\">")
          .text(c.reference())
          .raw("</a></td><td>")
          .text(c.form().receivedOn())
          .raw("</td><td>")
          .text(CaseView.kind(m, c))
          .raw("</td><td>")
          .text(
              String.join(
                  "、",
                  c.form().actions().stream()
                      .map(a -> CaseView.label(m, "action." + a.id(), a.japanese()))
                      .toList()))
          .raw("</td><td>")
          .text(m.t("status." + c.status().id()))
          .raw("</td><td>")
          .text(c.form().dueOn());
      warn.ifPresent(
          w ->
              b.raw(" <span class=\"badge ")
                  .text(w)
                  .raw("\">")
                  .text(m.t("req." + w))
                  .raw("</span>"));
      b.raw("</td></tr>");
    }
    b.raw("</tbody></table>");
    if (cases.isEmpty()) {
      b.raw("<p id=\"no-requests\">").text(m.t("req.none")).raw("</p>");
    }
    r.html(200, Layout.page(r, m.t("req.title"), console.current(), b));
  }

  void view(ConsoleRequest r) throws Exception {
    view(r, 200, Optional.empty());
  }

  private void view(ConsoleRequest r, int status, Optional<String> error) throws Exception {
    caseView.show(r, status, error);
  }

  void search(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    try {
      disclosure.search(r.who(), ref);
    } catch (DisclosureException | IllegalArgumentException e) {
      view(r, 409, Optional.of(e.getMessage()));
      return;
    } catch (SearchFailure e) {
      ConsoleRequest.SearchProblem p = r.problem(e);
      view(r, p.status(), Optional.of(p.message()));
      return;
    }
    r.redirect("/console/requests/" + CaseView.url(ref) + "?notice=searched#review");
  }

  void decide(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    Optional<String> record = r.param("recordId");
    Optional<Decision.Verdict> verdict =
        r.param("decision")
            .map(v -> v.equals("reject") ? Decision.Verdict.REJECT : Decision.Verdict.ACCEPT);
    if (record.isEmpty() || verdict.isEmpty()) {
      view(r, 400, Optional.of(r.m.t("req.decision.missing")));
      return;
    }
    Optional<String> reason =
        verdict.get() == Decision.Verdict.REJECT ? r.param("reason") : Optional.empty();
    if (verdict.get() == Decision.Verdict.REJECT && reason.isEmpty()) {
      view(r, 400, Optional.of(r.m.t("req.reason.required")));
      return;
    }
    try {
      disclosure.decide(
          r.who(),
          ref,
          List.of(new DisclosureService.DecisionInput(record.get(), verdict.get(), reason)));
    } catch (DisclosureException | IllegalArgumentException e) {
      view(r, 409, Optional.of(e.getMessage()));
      return;
    }
    r.redirect("/console/requests/" + CaseView.url(ref) + "#rec-" + ResultView.cssId(record.get()));
  }

  void redact(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    String record = r.param("recordId").orElse("");
    String field = r.param("field").orElse("");
    String span = r.param("span").orElse("");
    Optional<String> reason = r.param("reason");
    if (span.isEmpty() || reason.isEmpty()) {
      view(r, 400, Optional.of(r.m.t("req.redact.missing")));
      return;
    }
    try {
      ResultSnapshot.Hit hit =
          disclosure
              .view(r.who(), ref)
              .result()
              .flatMap(x -> x.hit(record))
              .orElseThrow(
                  () -> new IllegalArgumentException("record " + record + " is not in the result"));
      String text = hit.original().path(field).asText("");
      int at = text.indexOf(span);
      if (at < 0) {
        view(r, 400, Optional.of(r.m.t("req.redact.notfound", field)));
        return;
      }
      // Offsets count code points, as the package does.
      int start = text.codePointCount(0, at);
      int end = start + span.codePointCount(0, span.length());
      disclosure.redact(
          r.who(),
          ref,
          new DisclosureService.RedactionInput(record, field, start, end, reason.get()));
    } catch (DisclosureException | IllegalArgumentException e) {
      view(r, 409, Optional.of(e.getMessage()));
      return;
    }
    r.redirect(
        "/console/requests/"
            + CaseView.url(ref)
            + "?notice=redacted#rec-"
            + ResultView.cssId(record));
  }

  /** "Export": closes the review; the package is then built from exactly what was decided. */
  void ready(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    try {
      disclosure.markReady(r.who(), ref);
    } catch (DisclosureException e) {
      view(r, 409, Optional.of(e.getMessage()));
      return;
    }
    r.redirect("/console/requests/" + CaseView.url(ref) + "?notice=ready#package");
  }

  void download(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    byte[] zip = packageBytes(r, ref, "package.download");
    r.exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/zip");
    r.exchange
        .getResponseHeaders()
        .put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + ref + ".zip\"");
    r.exchange.getResponseSender().send(ByteBuffer.wrap(zip));
  }

  void preview(ConsoleRequest r) throws Exception {
    String ref = r.pathParam("ref");
    byte[] zip = packageBytes(r, ref, "package.preview");
    byte[] html = null;
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals("index.html") || e.getName().endsWith("/index.html")) {
          html = in.readAllBytes();
          break;
        }
      }
    }
    if (html == null) {
      r.html(404, Layout.page(r, r.m.t("error.notfound"), console.current(), new Html()));
      return;
    }
    r.exchange
        .getResponseHeaders()
        .put(HttpString.tryFromString("Content-Security-Policy"), PREVIEW_CSP);
    r.exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
    r.exchange.getResponseSender().send(ByteBuffer.wrap(html));
  }

  /** The package by {@link DisclosureService#packageBytes}'s one rule, as the API serves it. */
  private byte[] packageBytes(ConsoleRequest r, String ref, String action) throws Exception {
    return disclosure.packageBytes(r.who(), ref, action);
  }
}
