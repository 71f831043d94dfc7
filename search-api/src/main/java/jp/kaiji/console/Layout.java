package jp.kaiji.console;

import static jp.kaiji.console.Html.esc;

import java.util.Optional;
import jp.kaiji.auth.Role;
import jp.kaiji.index.GenerationInfo;

/**
 * The shell of every console page: header with navigation by role, the language switch, sign out,
 * and the index generation that serves (or, on a search result, the one that answered). No inline
 * script or style: the page loads {@code console.css} and {@code console.js} only.
 */
final class Layout {
  private Layout() {}

  static String page(
      ConsoleRequest r, String title, Optional<GenerationInfo> serving, String body) {
    Messages m = r.m;
    StringBuilder h = new StringBuilder(4096 + body.length());
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(m.lang().id())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" — Kaiji</title>")
        .append("<link rel=\"stylesheet\" href=\"/console/static/console.css\">")
        .append("<script src=\"/console/static/console.js\" defer></script></head><body>")
        .append("<a class=\"skip\" href=\"#main\">")
        .append(esc(m.t("nav.skip")))
        .append("</a>")
        .append("<header class=\"top\"><span class=\"brand\">Kaiji 開示</span><nav aria-label=\"")
        .append(esc(m.t("nav.label")))
        .append("\">");
    r.session()
        .ifPresent(
            s -> {
              if (s.principal().role() == Role.STAFF) {
                if (r.requestsEnabled) {
                  h.append(link("/console/requests", m.t("nav.requests")));
                }
                h.append(link("/console/search", m.t("nav.search")));
              }
              if (s.principal().role() == Role.ADMIN) {
                h.append(link("/console/admin", m.t("nav.admin")));
              }
            });
    h.append("</nav><span class=\"spacer\"></span>");
    Messages.Lang other = m.lang() == Messages.Lang.JA ? Messages.Lang.EN : Messages.Lang.JA;
    h.append("<a class=\"lang\" id=\"lang-switch\" lang=\"")
        .append(other.id())
        .append("\" href=\"")
        .append(esc(r.exchange.getRequestPath() + "?lang=" + other.id()))
        .append("\">")
        .append(esc(m.t("lang." + other.id())))
        .append("</a>");
    r.session()
        .ifPresent(
            s ->
                h.append("<span class=\"who\">")
                    .append(esc(s.principal().name()))
                    .append(" (")
                    .append(esc(m.t("role." + s.principal().role().id())))
                    .append(")</span>")
                    .append("<form method=\"post\" action=\"/console/logout\" class=\"inline\">")
                    .append(Html.csrfField(s))
                    .append("<button type=\"submit\" id=\"sign-out\">")
                    .append(esc(m.t("nav.signout")))
                    .append("</button></form>"));
    h.append("</header>");
    // In a landmark of its own, so that screen-reader users find it among the page's regions.
    h.append("<aside class=\"generation-bar\" aria-label=\"")
        .append(esc(m.t("generation.label")))
        .append("\"><p class=\"generation\" id=\"generation\">")
        .append(esc(generationLine(m, serving)))
        .append("</p></aside>");
    h.append("<main id=\"main\"><h1>")
        .append(esc(title))
        .append("</h1>")
        .append(body)
        .append("</main></body></html>\n");
    return h.toString();
  }

  static String generationLine(Messages m, Optional<GenerationInfo> g) {
    return g.map(x -> m.t("generation.serving", x.id(), x.builtAt()))
        .orElse(m.t("generation.none"));
  }

  static String link(String href, String label) {
    return "<a href=\"" + esc(href) + "\">" + esc(label) + "</a>";
  }
}
