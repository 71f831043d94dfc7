package jp.kaiji.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.disclosure.CaseChecks;
import jp.kaiji.disclosure.CaseStatus;
import jp.kaiji.disclosure.Decision;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.Redaction;
import jp.kaiji.disclosure.ResultSnapshot;
import jp.kaiji.html.Html;
import jp.kaiji.schema.Unusable;

/**
 * The review page of one case, as {@link CasePages} shows it after each action: the form, the
 * checks and fee, the frozen search result with a decision control per record and its redactions,
 * then the package.
 */
final class CaseView {
  private final Console console;
  private final DisclosureService disclosure;

  CaseView(Console console, DisclosureService disclosure) {
    this.console = console;
    this.disclosure = disclosure;
  }

  /** One case: form, checks, fee, result with decisions and redactions, package. */
  void show(ConsoleRequest r, int status, Optional<String> error) throws Exception {
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
              new Html().el("p", e.getMessage(), "class", "error")));
      return;
    }
    String base = "/console/requests/" + url(ref);
    Html b = new Html();
    error.ifPresent(
        e -> b.raw("<p class=\"error\" id=\"request-error\" role=\"alert\">").text(e).raw("</p>"));
    r.param("notice")
        .ifPresent(
            n ->
                b.raw("<p class=\"notice\" id=\"notice\" role=\"status\">")
                    .text(m.t("req.notice." + n))
                    .raw("</p>"));
    var f = c.form();
    b.raw("<h2>")
        .text(m.t("req.form"))
        .raw("</h2><dl class=\"kv\" id=\"request-form\">")
        .add(kv(m.t("req.status"), m.t("status." + c.status().id())))
        .add(kv(m.t("req.received"), f.receivedOn()))
        .add(
            kv(
                m.t("req.due"),
                f.dueOn()
                    + c.dueWarning(disclosure.today(), CasePages.NEARING_DAYS)
                        .map(w -> " (" + m.t("req." + w) + ")")
                        .orElse("")))
        .add(kv(m.t("req.kind"), kind(m, c)));
    f.agent().ifPresent(a -> b.add(kv(m.t("req.agent"), a.name() + " (" + a.relation() + ")")));
    b.add(
            kv(
                m.t("req.actions"),
                String.join(
                    "、",
                    f.actions().stream()
                        .map(a -> label(m, "action." + a.id(), a.japanese()))
                        .toList())))
        .add(
            kv(
                m.t("req.delivery"),
                label(m, "delivery." + f.delivery().id(), f.delivery().japanese())));
    var s = f.subject();
    // Beside each value, the reason the last search could not use it (text, not colour).
    List<Unusable> unusable = c.result().map(ResultSnapshot::unusableIdentifiers).orElse(List.of());
    s.name().ifPresent(v -> b.add(kv(m.t("field.name"), v)).add(notes(m, unusable, "name")));
    s.reading()
        .ifPresent(v -> b.add(kv(m.t("field.reading"), v)).add(notes(m, unusable, "reading")));
    if (!s.formerNames().isEmpty()) {
      b.add(kv(m.t("show.formerNames"), String.join(" / ", s.formerNames())))
          .add(notes(m, unusable, "formerNames"));
    }
    s.birthDate()
        .ifPresent(v -> b.add(kv(m.t("field.birthDate"), v)).add(notes(m, unusable, "birthDate")));
    s.addresses()
        .forEach(
            a ->
                b.add(
                    kv(
                        m.t("show.addresses"),
                        a.postcode().map(p -> "〒" + p + " ").orElse("") + a.address())));
    b.add(notes(m, unusable, "addresses"));
    if (!s.phones().isEmpty()) {
      b.add(kv(m.t("show.phones"), String.join(" / ", s.phones())))
          .add(notes(m, unusable, "phones"));
    }
    if (!s.emails().isEmpty()) {
      b.add(kv(m.t("show.emails"), String.join(" / ", s.emails())))
          .add(notes(m, unusable, "emails"));
    }
    CategoryStatesView.given(m, s).forEach(line -> b.add(kv(m.t("reg.locators"), line)));
    b.raw("</dl><h2>").text(m.t("req.checks")).raw("</h2><ul id=\"checks\">");
    f.documents()
        .forEach(
            d ->
                b.raw("<li>")
                    .text(label(m, "doc." + d.kind().id(), d.kind().japanese()))
                    .text(d.photo() ? " ・" + m.t("req.photo") : "")
                    .text(d.issuedOn().map(i -> " ・" + m.t("req.issued", i)).orElse(""))
                    .raw("</li>"));
    List<String> findings = CaseChecks.of(f).findings();
    findings.forEach(x -> b.raw("<li class=\"error\">").text(x).raw("</li>"));
    if (findings.isEmpty()) {
      b.raw("<li class=\"ok\">").text(m.t("req.checks.ok")).raw("</li>");
    }
    b.raw("</ul><p id=\"fee\">")
        .text(
            f.feeYen() == 0
                ? m.t("req.fee.none")
                : f.feePaid() ? m.t("req.fee.paid", f.feeYen()) : m.t("req.fee.unpaid", f.feeYen()))
        .raw("</p>");

    boolean open = c.status() == CaseStatus.RECEIVED || c.status() == CaseStatus.IN_REVIEW;
    if (open) {
      b.raw("<form method=\"post\" action=\"")
          .text(base)
          .raw("/search\" class=\"inline\">")
          .add(Fragments.csrfField(r.signedIn()))
          .raw("<button type=\"submit\" id=\"run-search\">")
          .text(m.t(c.result().isPresent() ? "req.research" : "req.search"))
          .raw("</button></form>");
    }
    if (c.result().isPresent()) {
      b.add(result(r, c, base, c.status() == CaseStatus.IN_REVIEW));
    }
    b.add(packageSection(r, c, base));
    r.html(status, Layout.page(r, m.t("req.one", ref), console.current(), b));
  }

  private Html result(ConsoleRequest r, DisclosureCase c, String base, boolean reviewing) {
    Messages m = r.m;
    ResultSnapshot res = c.result().orElseThrow();
    Map<String, Decision> decisions = c.decisionsById();
    Map<String, SourceDefinition> defs = new HashMap<>();
    console.services.catalog().get().sources().forEach(d -> defs.put(d.id(), d));
    Html b = new Html().raw("<section id=\"review\">");
    b.raw("<p class=\"answered\" id=\"answered-by\">")
        .text(m.t("result.answered", res.generation(), res.generationBuiltAt(), res.searchedAt()))
        .raw("</p>")
        .add(CategoryStatesView.render(m, res.categories(), console.services.catalog().get()));
    long total = res.hits().count();
    int undecided = c.undecided().size();
    b.raw("<p class=\"summary\" id=\"undecided\" data-undecided=\"")
        .text(undecided)
        .raw("\">")
        .text(m.t("req.undecided", total, undecided))
        .raw("</p><p class=\"hint\">")
        .text(m.t("req.keys"))
        .raw("</p>");
    for (var company : res.companies()) {
      b.raw("<section class=\"company\"><h2>")
          .text(company.legalName())
          .raw(" <span class=\"muted\">")
          .text(company.company())
          .raw("</span></h2>");
      for (var source : company.sources()) {
        b.raw("<section class=\"source\" data-source=\"")
            .text(source.source())
            .raw("\"><h3>")
            .text(source.title())
            .raw(" <span class=\"muted\">")
            .text(source.source())
            .raw("</span></h3><p class=\"meta\">")
            .text(m.t("result.category"))
            .raw(": ")
            .text(source.categoryLabel())
            .raw(" · ")
            .text(m.t("result.purpose"))
            .raw(": ")
            .text(source.purpose());
        if (source.jointlyUsed()) {
          b.raw(" · <span class=\"badge joint\">").text(m.t("result.joint")).raw("</span>");
        }
        b.raw("</p>");
        for (var hit : source.records()) {
          List<ResultView.Line> lines =
              hit.explanation().stream().map(ResultView.Line::parse).toList();
          Html controls = controls(r, c, hit, decisions.get(hit.id()), base, reviewing);
          b.add(
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
                  controls));
        }
        b.raw("</section>");
      }
      b.raw("</section>");
    }
    b.add(
        ResultView.sourcesSearched(
            m,
            res.sourcesSearched().stream()
                .map(
                    x ->
                        new jp.kaiji.search.SubjectSearchResult.SourceSearched(
                            x.source(), x.company(), x.records(), x.hits()))
                .toList(),
            defs));
    return b.raw("</section>");
  }

  private Html controls(
      ConsoleRequest r,
      DisclosureCase c,
      ResultSnapshot.Hit hit,
      Decision d,
      String base,
      boolean reviewing) {
    Messages m = r.m;
    Html b = new Html();
    String state =
        d == null
            ? (hit.needsReview() ? m.t("req.decision.none") : m.t("req.decision.confirmed"))
            : d.verdict() == Decision.Verdict.ACCEPT
                ? m.t("req.decision.accepted")
                : m.t("req.decision.rejected", d.reason());
    b.raw("<p class=\"decision-state")
        .raw(
            d == null
                ? ""
                : " decided-" + (d.verdict() == Decision.Verdict.ACCEPT ? "accepted" : "rejected"))
        .raw("\">")
        .text(state)
        .raw("</p>");
    for (Redaction x : c.redactions()) {
      if (x.recordId().equals(hit.id())) {
        b.raw("<p class=\"redacted\">")
            .text(m.t("req.redacted", x.field(), x.start(), x.end(), x.reason()))
            .raw("</p>");
      }
    }
    if (!reviewing) {
      return b;
    }
    Html csrf = Fragments.csrfField(r.signedIn());
    String rid = hit.id();
    b.raw("<form method=\"post\" action=\"")
        .text(base)
        .raw("/decisions\" class=\"decision\">")
        .add(csrf)
        .raw("<input type=\"hidden\" name=\"recordId\" value=\"")
        .text(rid)
        .raw("\">")
        // Reason and reject come first: Enter in the reason submits the first button, the
        // rejection.
        .raw("<input type=\"text\" name=\"reason\" aria-label=\"")
        .text(m.t("req.reason"))
        .raw("\" placeholder=\"")
        .text(m.t("req.reason"))
        .raw("\">")
        .raw("<button type=\"submit\" name=\"decision\" value=\"reject\" class=\"danger reject\">")
        .text(m.t("req.reject"))
        .raw("</button>")
        .raw("<button type=\"submit\" name=\"decision\" value=\"accept\" class=\"accept\">")
        .text(m.t("req.accept"))
        .raw("</button></form>");
    List<String> textFields = new java.util.ArrayList<>();
    hit.original()
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) textFields.add(e.getKey());
            });
    b.raw("<details class=\"redact\"><summary>")
        .text(m.t("req.redact"))
        .raw("</summary><form method=\"post\" action=\"")
        .text(base)
        .raw("/redactions\" class=\"decision\">")
        .add(csrf)
        .raw("<input type=\"hidden\" name=\"recordId\" value=\"")
        .text(rid)
        .raw("\">")
        .raw("<select name=\"field\" aria-label=\"")
        .text(m.t("req.redact.field"))
        .raw("\">");
    textFields.forEach(tf -> b.raw("<option>").text(tf).raw("</option>"));
    b.raw("</select><input type=\"text\" name=\"span\" aria-label=\"")
        .text(m.t("req.redact.span"))
        .raw("\" placeholder=\"")
        .text(m.t("req.redact.span"))
        .raw("\"><input type=\"text\" name=\"reason\" aria-label=\"")
        .text(m.t("req.reason"))
        .raw("\" placeholder=\"")
        .text(m.t("req.reason"))
        .raw("\"><button type=\"submit\" class=\"secondary redact-submit\">")
        .text(m.t("req.redact.submit"))
        .raw("</button></form></details>");
    return b;
  }

  private Html packageSection(ConsoleRequest r, DisclosureCase c, String base) {
    Messages m = r.m;
    Html b = new Html().raw("<section id=\"package\"><h2>").text(m.t("req.package")).raw("</h2>");
    if (c.status() == CaseStatus.IN_REVIEW) {
      boolean all = c.undecided().isEmpty();
      b.raw("<form method=\"post\" action=\"")
          .text(base)
          .raw("/ready\">")
          .add(Fragments.csrfField(r.signedIn()))
          .raw("<button type=\"submit\" id=\"export\"")
          .raw(all ? "" : " disabled")
          .raw(">")
          .text(m.t("req.export"))
          .raw("</button> ")
          .add(all ? new Html() : new Html().el("span", m.t("req.export.blocked"), "class", "hint"))
          .raw("</form>");
    } else if (c.status() == CaseStatus.READY || c.status() == CaseStatus.EXPORTED) {
      b.raw("<p>")
          .text(m.t(c.status() == CaseStatus.READY ? "req.package.ready" : "req.package.exported"))
          .raw("</p>")
          .raw("<p><a id=\"download\" href=\"")
          .text(base)
          .raw("/package.zip\">")
          .text(m.t("req.download"))
          .raw("</a> · ")
          .raw("<a id=\"preview\" href=\"")
          .text(base)
          .raw("/package/index.html\" target=\"_blank\" rel=\"noopener\">")
          .text(m.t("req.preview"))
          .raw("</a> · <a id=\"orders-link\" href=\"")
          .text(base)
          .raw("/orders\">")
          .text(m.t("req.orders"))
          .raw("</a></p>");
    } else {
      b.raw("<p class=\"hint\">").text(m.t("req.package.notyet")).raw("</p>");
    }
    return b.raw("</section>");
  }

  static String kind(Messages m, DisclosureCase c) {
    return label(m, "kind." + c.form().requesterKind().id(), c.form().requesterKind().japanese());
  }

  /**
   * The English label when the page is in English and one exists, else the domain's Japanese term.
   */
  static String label(Messages m, String key, String japanese) {
    String t = m.t(key);
    return m.lang() == Messages.Lang.JA || t.equals(key) ? japanese : t;
  }

  private static Html notes(Messages m, List<Unusable> unusable, String field) {
    Html note = UnusableNotes.note(m, unusable, field);
    return UnusableNotes.of(unusable, field).isEmpty() ? note : new Html().el("dd", note);
  }

  static Html kv(String k, String v) {
    return new Html().el("dt", k).el("dd", v);
  }

  static String url(String ref) {
    return URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }
}
