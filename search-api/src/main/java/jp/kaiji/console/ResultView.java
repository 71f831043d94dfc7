package jp.kaiji.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.html.Html;
import jp.kaiji.match.AttributeMatch;
import jp.kaiji.match.MatchTier;
import jp.kaiji.search.SubjectSearchResult;

/**
 * Renders a subject search result: company → source (category, purpose of use) → records, each
 * record's original fields with the columns of the matched attributes highlighted and the
 * explanation beside them, then every source searched with its hit count, zero included.
 */
final class ResultView {
  private ResultView() {}

  /**
   * @param controls extra markup per record (the reviewer's accept/reject form), by record id
   */
  static Html render(
      Messages m,
      SubjectSearchResult result,
      SourceCatalog catalog,
      Function<SubjectSearchResult.RecordHit, Html> controls) {
    Html b = new Html();
    var g = result.generation();
    b.el(
        "p",
        m.t("result.answered", g.id(), g.builtAt(), result.searchedAt()),
        "class",
        "answered",
        "id",
        "answered-by");
    var s = result.summary();
    b.el(
        "p",
        m.t("result.summary", s.records(), s.confirmed(), s.needsReview()),
        "class",
        "summary",
        "id",
        "summary");
    b.add(UnusableNotes.summary(m, result.unusableIdentifiers()));
    Map<String, SourceDefinition> defs = new HashMap<>();
    catalog.sources().forEach(d -> defs.put(d.id(), d));
    for (var company : result.companies()) {
      b.open("section", "class", "company", "data-company", company.company())
          .add(heading("h2", company.legalName(), company.company()));
      for (var source : company.sources()) {
        b.open("section", "class", "source", "data-source", source.source())
            .add(heading("h3", source.title(), source.source()))
            .add(meta(m, source.categoryLabel(), source.purpose(), source.jointlyUsed()));
        for (var hit : source.records()) {
          b.add(
              record(m, hit, Optional.ofNullable(defs.get(source.source())), controls.apply(hit)));
        }
        b.close("section");
      }
      b.close("section");
    }
    b.add(sourcesSearched(m, result.sourcesSearched(), defs));
    return b;
  }

  /** A company's or source's heading: its name, then its id in muted text. */
  static Html heading(String tag, String name, String id) {
    return new Html().open(tag).text(name).raw(" ").el("span", id, "class", "muted").close(tag);
  }

  /** A source's category, purpose of use and joint use. */
  static Html meta(Messages m, String categoryLabel, String purpose, boolean jointlyUsed) {
    Html b =
        new Html()
            .raw("<p class=\"meta\">")
            .text(m.t("result.category") + ": " + categoryLabel)
            .raw(" · ")
            .text(m.t("result.purpose") + ": " + purpose);
    if (jointlyUsed) {
      b.raw(" · ").el("span", m.t("result.joint"), "class", "badge joint");
    }
    return b.raw("</p>");
  }

  /**
   * One explanation line: the attribute compared, its level (empty for a line about the path), the
   * text.
   */
  record Line(String attribute, Optional<jp.kaiji.match.Level> level, String text) {
    static Line of(AttributeMatch a) {
      return new Line(a.attribute(), Optional.of(a.level()), a.toString());
    }

    /** Reads a stored explanation line back ({@code phone: same (E.164, mobile)}). */
    static Line parse(String line) {
      int colon = line.indexOf(": ");
      if (colon < 0) {
        return new Line("", Optional.empty(), line);
      }
      String rest = line.substring(colon + 2);
      String word = rest.split("[ (]", 2)[0].toUpperCase(java.util.Locale.ROOT);
      Optional<jp.kaiji.match.Level> level =
          java.util.Arrays.stream(jp.kaiji.match.Level.values())
              .filter(l -> l.name().equals(word))
              .findFirst();
      return new Line(line.substring(0, colon), level, line);
    }

    String cssClass() {
      return level.map(l -> "lv-" + l.name().toLowerCase(java.util.Locale.ROOT)).orElse("lv-via");
    }
  }

  static Html record(
      Messages m,
      SubjectSearchResult.RecordHit hit,
      Optional<SourceDefinition> def,
      Html controls) {
    String found = m.t("foundby." + hit.foundBy().name().toLowerCase(java.util.Locale.ROOT));
    List<Line> lines = new java.util.ArrayList<>();
    hit.via().ifPresent(v -> lines.add(new Line("", Optional.empty(), m.t("result.via", v))));
    hit.attributes().forEach(a -> lines.add(Line.of(a)));
    return record(
        m,
        hit.id(),
        hit.key(),
        hit.tier().id(),
        hit.score(),
        Optional.of(found),
        lines,
        hit.original(),
        def,
        controls);
  }

  static Html record(
      Messages m,
      String id,
      String key,
      String tierId,
      double score,
      Optional<String> found,
      List<Line> lines,
      JsonNode original,
      Optional<SourceDefinition> def,
      Html controls) {
    Map<String, Line> byColumn = columnsOf(lines, def);
    Html b = new Html();
    String tier = tierId.equals(MatchTier.CONFIRMED.id()) ? "confirmed" : "review";
    b.open("article", "class", "record " + tier, "id", "rec-" + cssId(id), "data-record", id)
        .raw("<header>")
        .el("span", m.t("tier." + tierId), "class", "badge tier-" + tier)
        .raw(" ")
        .el("strong", key)
        .raw(" ")
        .el("span", m.t("result.score") + " " + score, "class", "score");
    found.ifPresent(f -> b.raw(" ").el("span", f, "class", "muted"));
    b.raw("</header><div class=\"record-body\"><table class=\"original\"><tbody>");
    original
        .properties()
        .forEach(
            e -> {
              Line a = byColumn.get(e.getKey());
              String value =
                  e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
              b.open("tr", "class", a == null ? null : "hl " + a.cssClass())
                  .el("th", e.getKey(), "scope", "row")
                  .el("td", value)
                  .close("tr");
            });
    b.raw("</tbody></table><ul class=\"explanation\">");
    for (Line l : lines) {
      b.el("li", l.text(), "class", l.cssClass());
    }
    return b.raw("</ul></div>").add(controls).close("article");
  }

  static Html sourcesSearched(
      Messages m,
      List<SubjectSearchResult.SourceSearched> searched,
      Map<String, SourceDefinition> defs) {
    Html b =
        new Html()
            .raw("<section class=\"searched\">")
            .el("h2", m.t("result.searched", searched.size()))
            .raw("<table id=\"sources-searched\"><thead><tr>")
            .el("th", m.t("col.company"))
            .el("th", m.t("col.source"))
            .el("th", m.t("col.records"), "class", "num")
            .el("th", m.t("col.hits"), "class", "num")
            .raw("</tr></thead><tbody>");
    for (var s : searched) {
      String title =
          Optional.ofNullable(defs.get(s.source())).map(SourceDefinition::title).orElse(s.source());
      b.open("tr", "class", s.hits() == 0 ? "zero" : null, "data-source", s.source())
          .el("td", s.company())
          .open("td")
          .text(title)
          .raw(" ")
          .el("span", s.source(), "class", "muted")
          .close("td")
          .el("td", s.records(), "class", "num")
          .el("td", s.hits(), "class", "num hits")
          .close("tr");
    }
    return b.raw("</tbody></table></section>");
  }

  /**
   * Which original column shows which compared attribute, from the catalogue's identity mapping.
   */
  private static Map<String, Line> columnsOf(List<Line> lines, Optional<SourceDefinition> def) {
    Map<String, Line> out = new HashMap<>();
    if (def.isEmpty()) {
      return out;
    }
    Map<String, Line> byAttribute = new HashMap<>();
    lines.stream()
        .filter(l -> l.level().isPresent())
        .forEach(a -> byAttribute.put(a.attribute(), a));
    for (Map.Entry<String, String> e : def.get().identity().mappedColumns()) {
      String attribute =
          switch (e.getKey()) {
            case "fullName", "familyName", "givenName", "formerFamilyNames" -> "name";
            case "reading", "familyReading", "givenReading" -> "reading";
            case "postcode", "address" -> "address";
            case "phones", "phoneSha256" -> "phone";
            case "emails", "emailSha256" -> "email";
            default -> e.getKey();
          };
      Line a = byAttribute.get(attribute);
      if (a != null && a.level().get() != jp.kaiji.match.Level.ABSENT) {
        out.merge(
            e.getValue(),
            a,
            (x, y) -> x.level().get().ordinal() <= y.level().get().ordinal() ? x : y);
      }
    }
    return out;
  }

  /** A record id ({@code source/key}) as an HTML id. */
  static String cssId(String recordId) {
    return recordId.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
