package jp.kaiji.console;

import java.util.ArrayList;
import java.util.List;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.html.Html;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.search.CategoryState;

/**
 * The console's view of what the answer will say per data category, shown before the review is
 * closed: found, searched and nothing found, or held but not findable by what the requester wrote
 * (with the retention and what they could give). The same three states as §1 of the package.
 */
final class CategoryStatesView {
  private CategoryStatesView() {}

  static Html render(Messages m, List<CategoryState> states, SourceCatalog catalog) {
    Html b = new Html();
    if (states.isEmpty()) {
      return b;
    }
    b.raw("<section id=\"categories\"><h2>")
        .text(m.t("cat.title"))
        .raw("</h2><table class=\"categories\"><thead><tr>")
        .el("th", m.t("cat.category"), "scope", "col")
        .el("th", m.t("cat.state"), "scope", "col")
        .el("th", m.t("cat.details"), "scope", "col")
        .raw("</tr></thead><tbody>");
    for (CategoryState s : states) {
      b.raw("<tr data-category=\"")
          .text(s.category())
          .raw("\" data-state=\"")
          .text(s.state().id())
          .raw("\">")
          .el("td", s.label())
          .raw("<td><span class=\"badge state-")
          .text(s.state().id())
          .raw("\">")
          .text(m.t("cat." + s.state().id()))
          .raw("</span></td>")
          .el("td", details(m, s, catalog))
          .raw("</tr>");
    }
    return b.raw("</tbody></table></section>");
  }

  private static String details(Messages m, CategoryState s, SourceCatalog catalog) {
    List<String> parts = new ArrayList<>();
    if (s.records() > 0) {
      parts.add(m.t("cat.records", s.records()));
    }
    for (CategoryState.Holding h : s.notFindable()) {
      parts.add(
          m.t(
              "cat.notFindable",
              company(catalog, h.company()),
              h.title(),
              h.retentionDays().map(Object::toString).orElse("—"),
              String.join(" / ", h.couldGive().stream().map(k -> m.t("cat.give." + k)).toList())));
    }
    for (CategoryState.Holding h : s.expired()) {
      parts.add(m.t("cat.expired", h.title(), h.retentionDays().map(Object::toString).orElse("—")));
    }
    return String.join(" ", parts);
  }

  private static String company(SourceCatalog catalog, String id) {
    return catalog.companies().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .map(c -> c.legalName())
        .orElse(id);
  }

  /** The locators on the form, one line each, as the request shows them. */
  static List<String> given(Messages m, SubjectQuery q) {
    List<String> out = new ArrayList<>();
    q.locators()
        .ifPresent(
            l -> {
              l.visits()
                  .forEach(
                      v ->
                          out.add(
                              m.t("cat.give.visit")
                                  + ": "
                                  + v.store()
                                  + " "
                                  + v.date()
                                  + v.time().map(t -> " " + t).orElse("")));
              l.calls()
                  .forEach(c -> out.add(m.t("cat.give.call") + ": " + c.number() + " " + c.date()));
              l.cookies().forEach(c -> out.add(m.t("cat.give.cookie") + ": " + c));
              l.ips()
                  .forEach(
                      i ->
                          out.add(
                              m.t("cat.give.ip")
                                  + ": "
                                  + i.address()
                                  + " "
                                  + i.date()
                                  + i.time().map(t -> " " + t).orElse("")));
            });
    return out;
  }
}
