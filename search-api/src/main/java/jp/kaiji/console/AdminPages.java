package jp.kaiji.console;

import static jp.kaiji.console.Fragments.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.index.GenerationInfo;
import jp.kaiji.index.IndexAdmin;
import jp.kaiji.index.RebuildJob;
import jp.kaiji.index.SourceProgress;
import jp.kaiji.index.SourceStats;

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
    StringBuilder b = new StringBuilder();
    r.param("notice")
        .ifPresent(
            n ->
                b.append("<p class=\"notice\" id=\"notice\" role=\"status\">")
                    .append(esc(m.t("admin.notice." + n)))
                    .append("</p>"));
    b.append(
            "<div class=\"actions\"><form method=\"post\" action=\"/console/admin/rebuilds\" class=\"inline\">")
        .append(Fragments.csrfField(r.signedIn()))
        .append("<button type=\"submit\" id=\"start-rebuild\">")
        .append(esc(m.t("admin.rebuild")))
        .append("</button></form>")
        .append(
            "<form method=\"post\" action=\"/console/admin/rollback\" class=\"inline\" data-confirm=\"")
        .append(esc(m.t("admin.rollback.confirm")))
        .append("\">")
        .append(Fragments.csrfField(r.signedIn()))
        .append("<button type=\"submit\" id=\"rollback\" class=\"secondary\">")
        .append(esc(m.t("admin.rollback")))
        .append("</button></form></div>");
    b.append("<h2>").append(esc(m.t("admin.sources"))).append("</h2>");
    if (current.isEmpty()) {
      b.append("<p>").append(esc(m.t("generation.none"))).append("</p>");
    } else {
      b.append("<table id=\"admin-sources\"><thead><tr><th>")
          .append(esc(m.t("col.source")))
          .append("</th><th>")
          .append(esc(m.t("col.company")))
          .append("</th><th class=\"num\">")
          .append(esc(m.t("col.rowsRead")))
          .append("</th><th class=\"num\">")
          .append(esc(m.t("col.indexed")))
          .append("</th><th class=\"num\">")
          .append(esc(m.t("col.quarantined")))
          .append("</th><th>")
          .append(esc(m.t("col.reasons")))
          .append("</th><th>")
          .append(esc(m.t("col.lastBuild")))
          .append("</th></tr></thead><tbody>");
      List<SourceStats> stats =
          current.get().sources().values().stream()
              .sorted(java.util.Comparator.comparing(SourceStats::source))
              .toList();
      for (SourceStats s : stats) {
        Map<String, Long> reasons = QuarantineSummary.of(current.get(), s.source());
        b.append("<tr data-source=\"")
            .append(esc(s.source()))
            .append("\"><td>")
            .append(esc(s.source()))
            .append("</td><td>")
            .append(esc(s.company()))
            .append("</td><td class=\"num\">")
            .append(s.rowsRead())
            .append("</td><td class=\"num\">")
            .append(s.indexed())
            .append("</td><td class=\"num quarantined\">")
            .append(s.quarantined())
            .append("</td><td class=\"reasons\">");
        reasons.forEach(
            (code, n) ->
                b.append("<code>").append(esc(code)).append("</code> ×").append(n).append(" "));
        b.append("</td><td>").append(esc(s.lastBuild())).append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    b.append("<h2>")
        .append(esc(m.t("admin.generations")))
        .append("</h2><table id=\"generations\"><thead><tr><th>")
        .append(esc(m.t("col.generation")))
        .append("</th><th>")
        .append(esc(m.t("col.builtAt")))
        .append("</th><th>")
        .append(esc(m.t("col.state")))
        .append("</th></tr></thead><tbody>");
    for (GenerationInfo g : admin.generations()) {
      boolean serving = current.map(c -> c.id().equals(g.id())).orElse(false);
      b.append("<tr")
          .append(serving ? " class=\"serving\"" : "")
          .append("><td>")
          .append(esc(g.id()))
          .append("</td><td>")
          .append(esc(g.builtAt()))
          .append("</td><td>")
          .append(serving ? "<span class=\"badge\">" + esc(m.t("admin.serving")) + "</span>" : "")
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    r.html(200, Layout.page(r, m.t("admin.title"), current, b.toString()));
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
      r.html(404, Layout.page(r, m.t("error.notfound"), console.current(), ""));
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append("<div id=\"rebuild\" data-status-url=\"/console/admin/rebuilds/")
        .append(esc(id))
        .append("/status\" data-done-label=\"")
        .append(esc(m.t("rebuild.state.succeeded")))
        .append("\">")
        .append("<p>")
        .append(esc(m.t("rebuild.job", id)))
        .append(" — <strong id=\"rebuild-state\" role=\"status\">…</strong></p>")
        .append("<label for=\"rebuild-progress\">")
        .append(esc(m.t("rebuild.progress")))
        .append("</label> ")
        .append(
            "<progress id=\"rebuild-progress\" max=\"1000\" value=\"0\"></progress> <span id=\"rebuild-percent\">0%</span>")
        .append("<p id=\"rebuild-message\" class=\"error\" hidden></p>")
        .append("<table id=\"rebuild-sources\"><thead><tr><th>")
        .append(esc(m.t("col.source")))
        .append("</th><th>")
        .append(esc(m.t("col.state")))
        .append("</th><th class=\"num\">")
        .append(esc(m.t("col.rowsRead")))
        .append("</th><th class=\"num\">")
        .append(esc(m.t("col.quarantined")))
        .append("</th></tr></thead><tbody></tbody></table>")
        .append("<p><a href=\"/console/admin\">")
        .append(esc(m.t("rebuild.back")))
        .append("</a></p></div>");
    // State labels for the script, in the page's language.
    b.append("<dl hidden id=\"state-labels\">");
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
      b.append("<dt>")
          .append(s)
          .append("</dt><dd data-state=\"")
          .append(s)
          .append("\">")
          .append(esc(m.t("rebuild.state." + s)))
          .append("</dd>");
    }
    b.append("</dl>");
    r.html(200, Layout.page(r, m.t("rebuild.title"), console.current(), b.toString()));
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
