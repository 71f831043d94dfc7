package jp.kaiji.console;

import java.util.Optional;
import jp.kaiji.auth.Role;
import jp.kaiji.html.Html;
import jp.kaiji.match.lucene.GenerationInfo;

/**
 * The shell of every console page: header with navigation by role, the language switch, sign out,
 * and the index generation that serves (or, on a search result, the one that answered). No inline
 * script or style: the page loads {@code console.css} and {@code console.js} only.
 */
final class Layout {
  private Layout() {}

  static String page(ConsoleRequest r, String title, Optional<GenerationInfo> serving, Html body) {
    Messages m = r.m;
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n")
        .open("html", "lang", m.lang().id())
        .raw("<head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .el("title", title + " — Kaiji")
        .raw("<link rel=\"stylesheet\" href=\"/console/static/console.css\">")
        .raw("<script src=\"/console/static/console.js\" defer></script></head><body>")
        .el("a", m.t("nav.skip"), "class", "skip", "href", "#main")
        .raw("<header class=\"top\"><span class=\"brand\">Kaiji 開示</span>")
        .open("nav", "aria-label", m.t("nav.label"));
    r.session()
        .ifPresent(
            s -> {
              if (s.principal().role() == Role.STAFF) {
                if (r.requestsEnabled) {
                  h.add(link("/console/requests", m.t("nav.requests")));
                }
                h.add(link("/console/search", m.t("nav.search")));
              }
              if ((s.principal().role() == Role.STAFF && r.requestsEnabled)
                  || s.principal().role() == Role.OWNER) {
                h.add(link("/console/orders", m.t("nav.orders")));
              }
              if (s.principal().role() == Role.ADMIN) {
                h.add(link("/console/admin", m.t("nav.admin")));
              }
            });
    h.raw("</nav><span class=\"spacer\"></span>");
    Messages.Lang other = m.lang() == Messages.Lang.JA ? Messages.Lang.EN : Messages.Lang.JA;
    h.el(
        "a",
        m.t("lang." + other.id()),
        "class",
        "lang",
        "id",
        "lang-switch",
        "lang",
        other.id(),
        "href",
        r.exchange.getRequestPath() + "?lang=" + other.id());
    r.session()
        .ifPresent(
            s ->
                h.el(
                        "span",
                        s.principal().name()
                            + " ("
                            + m.t("role." + s.principal().role().id())
                            + ")",
                        "class",
                        "who")
                    .raw("<form method=\"post\" action=\"/console/logout\" class=\"inline\">")
                    .add(Fragments.csrfField(s))
                    .el("button", m.t("nav.signout"), "type", "submit", "id", "sign-out")
                    .raw("</form>"));
    h.raw("</header>");
    // In a landmark of its own, so that screen-reader users find it among the page's regions.
    h.open("aside", "class", "generation-bar", "aria-label", m.t("generation.label"))
        .el("p", generationLine(m, serving), "class", "generation", "id", "generation")
        .close("aside");
    h.raw("<main id=\"main\">").el("h1", title).add(body).raw("</main></body></html>\n");
    return h.toString();
  }

  static String generationLine(Messages m, Optional<GenerationInfo> g) {
    return g.map(x -> m.t("generation.serving", x.id(), x.builtAt()))
        .orElse(m.t("generation.none"));
  }

  static Html link(String href, String label) {
    return new Html().el("a", label, "href", href);
  }
}
