package jp.kaiji.console;

import static jp.kaiji.console.Fragments.esc;

import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.disclosure.Decision;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.Redaction;
import jp.kaiji.disclosure.RequestChecks;
import jp.kaiji.disclosure.RequestStatus;
import jp.kaiji.disclosure.ResultSnapshot;
import jp.kaiji.html.Html;
import jp.kaiji.service.SearchFailure;

/**
 * The disclosure request pages: the list by due date, one request with its form, checks and fee,
 * the search, a decision per record, redactions, then the package. Every action goes through {@link
 * DisclosureService} with the signed-in Principal, so it is audited as in the API.
 */
final class RequestPages {
  private static final int NEARING_DAYS = 3;

  /**
   * The package preview is the requester's document: its inline style only, no script, sandboxed.
   */
  private static final String PREVIEW_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

  private final Console console;
  private final DisclosureService disclosure;

  RequestPages(Console console, DisclosureService disclosure) {
    this.console = console;
    this.disclosure = disclosure;
  }

  void list(ConsoleRequest r) throws Exception {
    Messages m = r.m;
    Optional<RequestStatus> status =
        r.param("status")
            .flatMap(
                s ->
                    java.util.Arrays.stream(RequestStatus.values())
                        .filter(x -> x.id().equals(s))
                        .findFirst());
    List<DisclosureCase> cases = disclosure.list(r.who(), status);
    var today = disclosure.today();
    StringBuilder b = new StringBuilder();
    b.append(
            "<p class=\"toolbar\"><a class=\"button\" id=\"new-request\" href=\"/console/requests/new\">")
        .append(esc(m.t("reg.link")))
        .append("</a></p>");
    b.append(
            "<form method=\"get\" action=\"/console/requests\" class=\"filters\"><label for=\"status\">")
        .append(esc(m.t("req.filter")))
        .append("</label><select id=\"status\" name=\"status\"><option value=\"\">")
        .append(esc(m.t("req.all")))
        .append("</option>");
    for (RequestStatus s : RequestStatus.values()) {
      b.append("<option value=\"")
          .append(s.id())
          .append("\"")
          .append(status.filter(s::equals).isPresent() ? " selected" : "")
          .append(">")
          .append(esc(m.t("status." + s.id())))
          .append("</option>");
    }
    b.append("</select><button type=\"submit\" id=\"filter\">")
        .append(esc(m.t("req.apply")))
        .append("</button></form>");
    b.append("<table id=\"requests\"><thead><tr><th>")
        .append(esc(m.t("req.reference")))
        .append("</th><th>")
        .append(esc(m.t("req.received")))
        .append("</th><th>")
        .append(esc(m.t("req.kind")))
        .append("</th><th>")
        .append(esc(m.t("req.actions")))
        .append("</th><th>")
        .append(esc(m.t("req.status")))
        .append("</th><th>")
        .append(esc(m.t("req.due")))
        .append("</th></tr></thead><tbody>");
    for (DisclosureCase c : cases) {
      Optional<String> warn = c.dueWarning(today, NEARING_DAYS);
      b.append("<tr data-reference=\"")
          .append(esc(c.reference()))
          .append("\"")
          .append(warn.map(w -> " class=\"" + w + "\"").orElse(""))
          .append("><td><a href=\"/console/requests/")
          .append(esc(url(c.reference())))
          .append("\">")
          .append(esc(c.reference()))
          .append("</a></td><td>")
          .append(esc(c.form().receivedOn()))
          .append("</td><td>")
          .append(esc(kind(m, c)))
          .append("</td><td>")
          .append(
              esc(
                  String.join(
                      "、",
                      c.form().actions().stream()
                          .map(a -> label(m, "action." + a.id(), a.japanese()))
                          .toList())))
          .append("</td><td>")
          .append(esc(m.t("status." + c.status().id())))
          .append("</td><td>")
          .append(esc(c.form().dueOn()));
      warn.ifPresent(
          w ->
              b.append(" <span class=\"badge ")
                  .append(w)
                  .append("\">")
                  .append(esc(m.t("req." + w)))
                  .append("</span>"));
      b.append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (cases.isEmpty()) {
      b.append("<p id=\"no-requests\">").append(esc(m.t("req.none"))).append("</p>");
    }
    r.html(200, Layout.page(r, m.t("req.title"), console.current(), b.toString()));
  }

  void view(ConsoleRequest r) throws Exception {
    view(r, 200, Optional.empty());
  }

  private void view(ConsoleRequest r, int status, Optional<String> error) throws Exception {
    Messages m = r.m;
    String ref = r.pathParam("ref");
    DisclosureCase c;
    try {
      c = disclosure.view(r.who(), ref);
    } catch (DisclosureException e) {
      r.html(
          404,
          Layout.page(
              r,
              m.t("error.notfound"),
              console.current(),
              "<p class=\"error\">" + esc(e.getMessage()) + "</p>"));
      return;
    }
    String base = "/console/requests/" + url(ref);
    StringBuilder b = new StringBuilder();
    error.ifPresent(
        e ->
            b.append("<p class=\"error\" id=\"request-error\" role=\"alert\">")
                .append(esc(e))
                .append("</p>"));
    r.param("notice")
        .ifPresent(
            n ->
                b.append("<p class=\"notice\" id=\"notice\" role=\"status\">")
                    .append(esc(m.t("req.notice." + n)))
                    .append("</p>"));
    var f = c.form();
    b.append("<h2>")
        .append(esc(m.t("req.form")))
        .append("</h2><dl class=\"kv\" id=\"request-form\">")
        .append(kv(m.t("req.status"), m.t("status." + c.status().id())))
        .append(kv(m.t("req.received"), f.receivedOn()))
        .append(
            kv(
                m.t("req.due"),
                f.dueOn()
                    + c.dueWarning(disclosure.today(), NEARING_DAYS)
                        .map(w -> " (" + m.t("req." + w) + ")")
                        .orElse("")))
        .append(kv(m.t("req.kind"), kind(m, c)));
    f.agent().ifPresent(a -> b.append(kv(m.t("req.agent"), a.name() + " (" + a.relation() + ")")));
    b.append(
            kv(
                m.t("req.actions"),
                String.join(
                    "、",
                    f.actions().stream()
                        .map(a -> label(m, "action." + a.id(), a.japanese()))
                        .toList())))
        .append(
            kv(
                m.t("req.delivery"),
                label(m, "delivery." + f.delivery().id(), f.delivery().japanese())));
    var s = f.subject();
    s.name().ifPresent(v -> b.append(kv(m.t("field.name"), v)));
    s.reading().ifPresent(v -> b.append(kv(m.t("field.reading"), v)));
    if (!s.formerNames().isEmpty()) {
      b.append(kv(m.t("show.formerNames"), String.join(" / ", s.formerNames())));
    }
    s.birthDate().ifPresent(v -> b.append(kv(m.t("field.birthDate"), v)));
    s.addresses()
        .forEach(
            a ->
                b.append(
                    kv(
                        m.t("show.addresses"),
                        a.postcode().map(p -> "〒" + p + " ").orElse("") + a.address())));
    if (!s.phones().isEmpty()) {
      b.append(kv(m.t("show.phones"), String.join(" / ", s.phones())));
    }
    if (!s.emails().isEmpty()) {
      b.append(kv(m.t("show.emails"), String.join(" / ", s.emails())));
    }
    b.append("</dl><h2>").append(esc(m.t("req.checks"))).append("</h2><ul id=\"checks\">");
    f.documents()
        .forEach(
            d ->
                b.append("<li>")
                    .append(esc(label(m, "doc." + d.kind().id(), d.kind().japanese())))
                    .append(d.photo() ? " ・" + esc(m.t("req.photo")) : "")
                    .append(d.issuedOn().map(i -> " ・" + esc(m.t("req.issued", i))).orElse(""))
                    .append("</li>"));
    List<String> findings = RequestChecks.of(f).findings();
    findings.forEach(x -> b.append("<li class=\"error\">").append(esc(x)).append("</li>"));
    if (findings.isEmpty()) {
      b.append("<li class=\"ok\">").append(esc(m.t("req.checks.ok"))).append("</li>");
    }
    b.append("</ul><p id=\"fee\">")
        .append(
            esc(
                f.feeYen() == 0
                    ? m.t("req.fee.none")
                    : f.feePaid()
                        ? m.t("req.fee.paid", f.feeYen())
                        : m.t("req.fee.unpaid", f.feeYen())))
        .append("</p>");

    boolean open = c.status() == RequestStatus.RECEIVED || c.status() == RequestStatus.IN_REVIEW;
    if (open) {
      b.append("<form method=\"post\" action=\"")
          .append(base)
          .append("/search\" class=\"inline\">")
          .append(Fragments.csrfField(r.signedIn()))
          .append("<button type=\"submit\" id=\"run-search\">")
          .append(esc(m.t(c.result().isPresent() ? "req.research" : "req.search")))
          .append("</button></form>");
    }
    if (c.result().isPresent()) {
      b.append(result(r, c, base, c.status() == RequestStatus.IN_REVIEW));
    }
    b.append(packageSection(r, c, base));
    r.html(status, Layout.page(r, m.t("req.one", ref), console.current(), b.toString()));
  }

  private String result(ConsoleRequest r, DisclosureCase c, String base, boolean reviewing) {
    Messages m = r.m;
    ResultSnapshot res = c.result().orElseThrow();
    Map<String, Decision> decisions = c.decisionsById();
    Map<String, SourceDefinition> defs = new HashMap<>();
    console.services.catalog().get().sources().forEach(d -> defs.put(d.id(), d));
    StringBuilder b = new StringBuilder("<section id=\"review\">");
    b.append("<p class=\"answered\" id=\"answered-by\">")
        .append(
            esc(
                m.t(
                    "result.answered",
                    res.generation(),
                    res.generationBuiltAt(),
                    res.searchedAt())))
        .append("</p>");
    long total = res.hits().count();
    int undecided = c.undecided().size();
    b.append("<p class=\"summary\" id=\"undecided\" data-undecided=\"")
        .append(undecided)
        .append("\">")
        .append(esc(m.t("req.undecided", total, undecided)))
        .append("</p><p class=\"hint\">")
        .append(esc(m.t("req.keys")))
        .append("</p>");
    for (var company : res.companies()) {
      b.append("<section class=\"company\"><h2>")
          .append(esc(company.legalName()))
          .append(" <span class=\"muted\">")
          .append(esc(company.company()))
          .append("</span></h2>");
      for (var source : company.sources()) {
        b.append("<section class=\"source\" data-source=\"")
            .append(esc(source.source()))
            .append("\"><h3>")
            .append(esc(source.title()))
            .append(" <span class=\"muted\">")
            .append(esc(source.source()))
            .append("</span></h3><p class=\"meta\">")
            .append(esc(m.t("result.category")))
            .append(": ")
            .append(esc(source.categoryLabel()))
            .append(" · ")
            .append(esc(m.t("result.purpose")))
            .append(": ")
            .append(esc(source.purpose()));
        if (source.jointlyUsed()) {
          b.append(" · <span class=\"badge joint\">")
              .append(esc(m.t("result.joint")))
              .append("</span>");
        }
        b.append("</p>");
        for (var hit : source.records()) {
          List<ResultView.Line> lines =
              hit.explanation().stream().map(ResultView.Line::parse).toList();
          String controls = controls(r, c, hit, decisions.get(hit.id()), base, reviewing);
          b.append(
              ResultView.record(
                  m,
                  hit.id(),
                  hit.key(),
                  hit.tier(),
                  hit.score(),
                  Optional.empty(),
                  lines,
                  hit.original(),
                  Optional.ofNullable(defs.get(source.source())),
                  new Html().raw(controls)));
        }
        b.append("</section>");
      }
      b.append("</section>");
    }
    b.append(
        ResultView.sourcesSearched(
            m,
            res.sourcesSearched().stream()
                .map(
                    x ->
                        new jp.kaiji.search.SubjectSearchResult.SourceSearched(
                            x.source(), x.company(), x.records(), x.hits()))
                .toList(),
            defs));
    return b.append("</section>").toString();
  }

  private String controls(
      ConsoleRequest r,
      DisclosureCase c,
      ResultSnapshot.Hit hit,
      Decision d,
      String base,
      boolean reviewing) {
    Messages m = r.m;
    StringBuilder b = new StringBuilder();
    String state =
        d == null
            ? (hit.needsReview() ? m.t("req.decision.none") : m.t("req.decision.confirmed"))
            : d.verdict() == Decision.Verdict.ACCEPT
                ? m.t("req.decision.accepted")
                : m.t("req.decision.rejected", d.reason());
    b.append("<p class=\"decision-state")
        .append(
            d == null
                ? ""
                : " decided-" + (d.verdict() == Decision.Verdict.ACCEPT ? "accepted" : "rejected"))
        .append("\">")
        .append(esc(state))
        .append("</p>");
    for (Redaction x : c.redactions()) {
      if (x.recordId().equals(hit.id())) {
        b.append("<p class=\"redacted\">")
            .append(esc(m.t("req.redacted", x.field(), x.start(), x.end(), x.reason())))
            .append("</p>");
      }
    }
    if (!reviewing) {
      return b.toString();
    }
    String csrf = Fragments.csrfField(r.signedIn()).toString();
    String rid = esc(hit.id());
    b.append("<form method=\"post\" action=\"")
        .append(base)
        .append("/decisions\" class=\"decision\">")
        .append(csrf)
        .append("<input type=\"hidden\" name=\"recordId\" value=\"")
        .append(rid)
        .append("\">")
        // Reason and reject come first: Enter in the reason submits the first button, the
        // rejection.
        .append("<input type=\"text\" name=\"reason\" aria-label=\"")
        .append(esc(m.t("req.reason")))
        .append("\" placeholder=\"")
        .append(esc(m.t("req.reason")))
        .append("\">")
        .append(
            "<button type=\"submit\" name=\"decision\" value=\"reject\" class=\"danger reject\">")
        .append(esc(m.t("req.reject")))
        .append("</button>")
        .append("<button type=\"submit\" name=\"decision\" value=\"accept\" class=\"accept\">")
        .append(esc(m.t("req.accept")))
        .append("</button></form>");
    List<String> textFields = new java.util.ArrayList<>();
    hit.original()
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) textFields.add(e.getKey());
            });
    b.append("<details class=\"redact\"><summary>")
        .append(esc(m.t("req.redact")))
        .append("</summary><form method=\"post\" action=\"")
        .append(base)
        .append("/redactions\" class=\"decision\">")
        .append(csrf)
        .append("<input type=\"hidden\" name=\"recordId\" value=\"")
        .append(rid)
        .append("\">")
        .append("<select name=\"field\" aria-label=\"")
        .append(esc(m.t("req.redact.field")))
        .append("\">");
    textFields.forEach(tf -> b.append("<option>").append(esc(tf)).append("</option>"));
    b.append("</select><input type=\"text\" name=\"span\" aria-label=\"")
        .append(esc(m.t("req.redact.span")))
        .append("\" placeholder=\"")
        .append(esc(m.t("req.redact.span")))
        .append("\"><input type=\"text\" name=\"reason\" aria-label=\"")
        .append(esc(m.t("req.reason")))
        .append("\" placeholder=\"")
        .append(esc(m.t("req.reason")))
        .append("\"><button type=\"submit\" class=\"secondary redact-submit\">")
        .append(esc(m.t("req.redact.submit")))
        .append("</button></form></details>");
    return b.toString();
  }

  private String packageSection(ConsoleRequest r, DisclosureCase c, String base) {
    Messages m = r.m;
    StringBuilder b =
        new StringBuilder("<section id=\"package\"><h2>")
            .append(esc(m.t("req.package")))
            .append("</h2>");
    if (c.status() == RequestStatus.IN_REVIEW) {
      boolean all = c.undecided().isEmpty();
      b.append("<form method=\"post\" action=\"")
          .append(base)
          .append("/ready\">")
          .append(Fragments.csrfField(r.signedIn()))
          .append("<button type=\"submit\" id=\"export\"")
          .append(all ? "" : " disabled")
          .append(">")
          .append(esc(m.t("req.export")))
          .append("</button> ")
          .append(all ? "" : "<span class=\"hint\">" + esc(m.t("req.export.blocked")) + "</span>")
          .append("</form>");
    } else if (c.status() == RequestStatus.READY || c.status() == RequestStatus.EXPORTED) {
      b.append("<p>")
          .append(
              esc(
                  m.t(
                      c.status() == RequestStatus.READY
                          ? "req.package.ready"
                          : "req.package.exported")))
          .append("</p>")
          .append("<p><a id=\"download\" href=\"")
          .append(base)
          .append("/package.zip\">")
          .append(esc(m.t("req.download")))
          .append("</a> · ")
          .append("<a id=\"preview\" href=\"")
          .append(base)
          .append("/package/index.html\" target=\"_blank\" rel=\"noopener\">")
          .append(esc(m.t("req.preview")))
          .append("</a></p>");
    } else {
      b.append("<p class=\"hint\">").append(esc(m.t("req.package.notyet"))).append("</p>");
    }
    return b.append("</section>").toString();
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
    r.redirect("/console/requests/" + url(ref) + "?notice=searched#review");
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
    r.redirect("/console/requests/" + url(ref) + "#rec-" + ResultView.cssId(record.get()));
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
        "/console/requests/" + url(ref) + "?notice=redacted#rec-" + ResultView.cssId(record));
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
    r.redirect("/console/requests/" + url(ref) + "?notice=ready#package");
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
      r.html(404, Layout.page(r, r.m.t("error.notfound"), console.current(), ""));
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

  private static String kind(Messages m, DisclosureCase c) {
    return label(m, "kind." + c.form().requesterKind().id(), c.form().requesterKind().japanese());
  }

  /**
   * The English label when the page is in English and one exists, else the domain's Japanese term.
   */
  private static String label(Messages m, String key, String japanese) {
    String t = m.t(key);
    return m.lang() == Messages.Lang.JA || t.equals(key) ? japanese : t;
  }

  private static String kv(String k, String v) {
    return "<dt>" + esc(k) + "</dt><dd>" + esc(v) + "</dd>";
  }

  private static String url(String ref) {
    return URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }
}
