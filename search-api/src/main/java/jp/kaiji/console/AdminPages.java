package jp.kaiji.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.html.Html;
import jp.kaiji.indexer.IndexAdmin;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.indexer.SourceProgress;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.SourceStats;

/**
 * The admin pages: per-source counts and quarantine reasons, generation history, a rebuild with a
 * progress bar fed by the job's status, rollback. Counts and codes only, never personal data.
 */
final class AdminPages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Console console;

  AdminPages(Console console) {
    this.console = console;
  }

  void index(ConsoleRequest r) {
    Messages m = r.m;
    IndexAdmin admin = console.services.admin();
    Optional<GenerationInfo> current = admin.current();
    Html b = new Html();
    r.param("notice")
        .ifPresent(
            n ->
                b.raw("<p class=\"notice\" id=\"notice\" role=\"status\">")
                    .text(m.t("admin.notice." + n))
                    .raw("</p>"));
    b.raw(
            "<div class=\"actions\"><form method=\"post\" action=\"/console/admin/rebuilds\" class=\"inline\">")
        .add(Fragments.csrfField(r.signedIn()))
        .raw("<button type=\"submit\" id=\"start-rebuild\">")
        .text(m.t("admin.rebuild"))
        .raw("</button></form>")
        .raw(
            "<form method=\"post\" action=\"/console/admin/rollback\" class=\"inline\" data-confirm=\"")
        .text(m.t("admin.rollback.confirm"))
        .raw("\">")
        .add(Fragments.csrfField(r.signedIn()))
        .raw("<button type=\"submit\" id=\"rollback\" class=\"secondary\">")
        .text(m.t("admin.rollback"))
        .raw("</button></form></div>");
    b.raw("<h2>").text(m.t("admin.sources")).raw("</h2>");
    if (current.isEmpty()) {
      b.raw("<p>").text(m.t("generation.none")).raw("</p>");
    } else {
      b.raw("<table id=\"admin-sources\"><thead><tr><th>")
          .text(m.t("col.source"))
          .raw("</th><th>")
          .text(m.t("col.company"))
          .raw("</th><th class=\"num\">")
          .text(m.t("col.rowsRead"))
          .raw("</th><th class=\"num\">")
          .text(m.t("col.indexed"))
          .raw("</th><th class=\"num\">")
          .text(m.t("col.quarantined"))
          .raw("</th><th>")
          .text(m.t("col.reasons"))
          .raw("</th><th>")
          .text(m.t("col.lastBuild"))
          .raw("</th></tr></thead><tbody>");
      List<SourceStats> stats =
          current.get().sources().values().stream()
              .sorted(java.util.Comparator.comparing(SourceStats::source))
              .toList();
      for (SourceStats s : stats) {
        Map<String, Long> reasons = QuarantineSummary.of(current.get(), s.source());
        b.raw("<tr data-source=\"")
            .text(s.source())
            .raw("\"><td>")
            .text(s.source())
            .raw("</td><td>")
            .text(s.company())
            .raw("</td><td class=\"num\">")
            .text(s.rowsRead())
            .raw("</td><td class=\"num\">")
            .text(s.indexed())
            .raw("</td><td class=\"num quarantined\">")
            .text(s.quarantined())
            .raw("</td><td class=\"reasons\">");
        reasons.forEach((code, n) -> b.raw("<code>").text(code).raw("</code> ×").text(n).raw(" "));
        b.raw("</td><td>").text(s.lastBuild()).raw("</td></tr>");
      }
      b.raw("</tbody></table>");
    }
    b.raw("<h2>")
        .text(m.t("admin.generations"))
        .raw("</h2><table id=\"generations\"><thead><tr><th>")
        .text(m.t("col.generation"))
        .raw("</th><th>")
        .text(m.t("col.builtAt"))
        .raw("</th><th>")
        .text(m.t("col.state"))
        .raw("</th></tr></thead><tbody>");
    for (GenerationInfo g : admin.generations()) {
      boolean serving = current.map(c -> c.id().equals(g.id())).orElse(false);
      b.raw("<tr")
          .raw(serving ? " class=\"serving\"" : "")
          .raw("><td>")
          .text(g.id())
          .raw("</td><td>")
          .text(g.builtAt())
          .raw("</td><td>")
          .add(serving ? new Html().el("span", m.t("admin.serving"), "class", "badge") : new Html())
          .raw("</td></tr>");
    }
    b.raw("</tbody></table>");
    r.html(200, Layout.page(r, m.t("admin.title"), current, b));
  }

  void startRebuild(ConsoleRequest r) {
    String id;
    try {
      id = console.services.admin().startRebuild();
    } catch (IndexAdmin.BusyException e) {
      r.redirect("/console/admin?notice=busy");
      return;
    } catch (IndexAdmin.CatalogException e) {
      r.redirect("/console/admin?notice=catalog");
      return;
    }
    console.audit(r.who(), "index.rebuild", Optional.empty(), Optional.of(id), 0);
    r.redirect("/console/admin/rebuilds/" + id);
  }

  void rebuildPage(ConsoleRequest r) {
    Messages m = r.m;
    String id = r.pathParam("id");
    if (console.services.admin().job(id).isEmpty()) {
      r.html(404, Layout.page(r, m.t("error.notfound"), console.current(), new Html()));
      return;
    }
    Html b = new Html();
    b.raw("<div id=\"rebuild\" data-status-url=\"/console/admin/rebuilds/")
        .text(id)
        .raw("/status\" data-done-label=\"")
        .text(m.t("rebuild.state.succeeded"))
        .raw("\">")
        .raw("<p>")
        .text(m.t("rebuild.job", id))
        .raw(" — <strong id=\"rebuild-state\" role=\"status\">…</strong></p>")
        .raw("<label for=\"rebuild-progress\">")
        .text(m.t("rebuild.progress"))
        .raw("</label> ")
        .raw(
            "<progress id=\"rebuild-progress\" max=\"1000\" value=\"0\"></progress> <span id=\"rebuild-percent\">0%</span>")
        .raw("<p id=\"rebuild-message\" class=\"error\" hidden></p>")
        .raw("<table id=\"rebuild-sources\"><thead><tr><th>")
        .text(m.t("col.source"))
        .raw("</th><th>")
        .text(m.t("col.state"))
        .raw("</th><th class=\"num\">")
        .text(m.t("col.rowsRead"))
        .raw("</th><th class=\"num\">")
        .text(m.t("col.quarantined"))
        .raw("</th></tr></thead><tbody></tbody></table>")
        .raw("<p><a href=\"/console/admin\">")
        .text(m.t("rebuild.back"))
        .raw("</a></p></div>");
    // State labels for the script, in the page's language.
    b.raw("<dl hidden id=\"state-labels\">");
    for (String s :
        List.of(
            "pending",
            "running",
            "succeeded",
            "failed",
            "cancelled",
            "waiting",
            "reading",
            "done")) {
      b.raw("<dt>")
          .text(s)
          .raw("</dt><dd data-state=\"")
          .text(s)
          .raw("\">")
          .text(m.t("rebuild.state." + s))
          .raw("</dd>");
    }
    b.raw("</dl>");
    r.html(200, Layout.page(r, m.t("rebuild.title"), console.current(), b));
  }

  /** The small JSON the progress bar polls: state, fraction done in [0, 1], per-source counters. */
  void rebuildStatus(ConsoleRequest r) throws Exception {
    String id = r.pathParam("id");
    Optional<RebuildJob.Progress> p = console.services.admin().job(id);
    if (p.isEmpty()) {
      r.html(404, "");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("job", id);
    body.put("state", p.get().state().name().toLowerCase(java.util.Locale.ROOT));
    body.put("fraction", fraction(p.get(), console.services.admin().current()));
    body.put("generation", p.get().generation().orElse(null));
    body.put("message", p.get().message().orElse(null));
    body.put(
        "sources",
        p.get().sources().stream()
            .map(
                s ->
                    Map.of(
                        "source",
                        s.source(),
                        "state",
                        s.state().name().toLowerCase(java.util.Locale.ROOT),
                        "rowsRead",
                        s.rowsRead(),
                        "quarantined",
                        s.quarantined()))
            .toList());
    r.json(JSON.writeValueAsString(body));
  }

  /**
   * How far the job is: finished sources count whole; the one being read counts by its rows against
   * the rows it had in the serving generation (the best estimate there is), capped below 1.
   */
  static double fraction(RebuildJob.Progress p, Optional<GenerationInfo> serving) {
    if (p.state() == RebuildJob.State.SUCCEEDED) {
      return 1.0;
    }
    List<SourceProgress.Snapshot> sources = p.sources();
    if (sources.isEmpty()) {
      return 0.0;
    }
    double done = 0;
    for (SourceProgress.Snapshot s : sources) {
      switch (s.state()) {
        case DONE, FAILED -> done += 1;
        case READING -> {
          long expected =
              serving.map(g -> g.sources().get(s.source())).map(SourceStats::rowsRead).orElse(0L);
          done += expected > 0 ? Math.min(0.95, (double) s.rowsRead() / expected) : 0.5;
        }
        case WAITING -> {}
      }
    }
    return Math.min(0.99, done / sources.size());
  }

  void rollback(ConsoleRequest r) {
    GenerationInfo now;
    try {
      now = console.services.admin().rollback();
    } catch (java.io.IOException | IllegalStateException e) {
      r.redirect("/console/admin?notice=norollback");
      return;
    }
    console.audit(r.who(), "index.rollback", Optional.empty(), Optional.of(now.id()), 0);
    r.redirect("/console/admin?notice=rolledback");
  }
}
