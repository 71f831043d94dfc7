package jp.kaiji.console;

import static jp.kaiji.console.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
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
  static String render(
      Messages m,
      SubjectSearchResult result,
      SourceCatalog catalog,
      Function<SubjectSearchResult.RecordHit, String> controls) {
    StringBuilder b = new StringBuilder();
    var g = result.generation();
    b.append("<p class=\"answered\" id=\"answered-by\">")
        .append(esc(m.t("result.answered", g.id(), g.builtAt(), result.searchedAt())))
        .append("</p>");
    var s = result.summary();
    b.append("<p class=\"summary\" id=\"summary\">")
        .append(esc(m.t("result.summary", s.records(), s.confirmed(), s.needsReview())))
        .append("</p>");
    Map<String, SourceDefinition> defs = new HashMap<>();
    catalog.sources().forEach(d -> defs.put(d.id(), d));
    for (var company : result.companies()) {
      b.append("<section class=\"company\" data-company=\"")
          .append(esc(company.company()))
          .append("\"><h2>")
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
            .append("</span></h3>")
            .append("<p class=\"meta\">")
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
          b.append(
              record(m, hit, Optional.ofNullable(defs.get(source.source())), controls.apply(hit)));
        }
        b.append("</section>");
      }
      b.append("</section>");
    }
    b.append(sourcesSearched(m, result.sourcesSearched(), defs));
    return b.toString();
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

  static String record(
      Messages m,
      SubjectSearchResult.RecordHit hit,
      Optional<SourceDefinition> def,
      String controls) {
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

  static String record(
      Messages m,
      String id,
      String key,
      String tierId,
      double score,
      Optional<String> found,
      List<Line> lines,
      JsonNode original,
      Optional<SourceDefinition> def,
      String controls) {
    Map<String, Line> byColumn = columnsOf(lines, def);
    StringBuilder b = new StringBuilder();
    String tier = tierId.equals(MatchTier.CONFIRMED.id()) ? "confirmed" : "review";
    b.append("<article class=\"record ")
        .append(tier)
        .append("\" id=\"rec-")
        .append(esc(cssId(id)))
        .append("\" data-record=\"")
        .append(esc(id))
        .append("\"><header><span class=\"badge tier-")
        .append(tier)
        .append("\">")
        .append(esc(m.t("tier." + tierId)))
        .append("</span> <strong>")
        .append(esc(key))
        .append("</strong>")
        .append(" <span class=\"score\">")
        .append(esc(m.t("result.score")))
        .append(" ")
        .append(esc(score))
        .append("</span>");
    found.ifPresent(f -> b.append(" <span class=\"muted\">").append(esc(f)).append("</span>"));
    b.append("</header><div class=\"record-body\"><table class=\"original\"><tbody>");
    original
        .properties()
        .forEach(
            e -> {
              Line a = byColumn.get(e.getKey());
              String cls = a == null ? "" : " class=\"hl " + a.cssClass() + "\"";
              String value =
                  e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
              b.append("<tr")
                  .append(cls)
                  .append("><th scope=\"row\">")
                  .append(esc(e.getKey()))
                  .append("</th><td>")
                  .append(esc(value))
                  .append("</td></tr>");
            });
    b.append("</tbody></table><ul class=\"explanation\">");
    for (Line l : lines) {
      b.append("<li class=\"")
          .append(l.cssClass())
          .append("\">")
          .append(esc(l.text()))
          .append("</li>");
    }
    b.append("</ul></div>").append(controls).append("</article>");
    return b.toString();
  }

  static String sourcesSearched(
      Messages m,
      List<SubjectSearchResult.SourceSearched> searched,
      Map<String, SourceDefinition> defs) {
    StringBuilder b =
        new StringBuilder("<section class=\"searched\"><h2>")
            .append(esc(m.t("result.searched", searched.size())))
            .append("</h2>")
            .append("<table id=\"sources-searched\"><thead><tr><th>")
            .append(esc(m.t("col.company")))
            .append("</th><th>")
            .append(esc(m.t("col.source")))
            .append("</th><th class=\"num\">")
            .append(esc(m.t("col.records")))
            .append("</th><th class=\"num\">")
            .append(esc(m.t("col.hits")))
            .append("</th></tr></thead><tbody>");
    for (var s : searched) {
      String title =
          Optional.ofNullable(defs.get(s.source())).map(SourceDefinition::title).orElse(s.source());
      b.append("<tr")
          .append(s.hits() == 0 ? " class=\"zero\"" : "")
          .append(" data-source=\"")
          .append(esc(s.source()))
          .append("\"><td>")
          .append(esc(s.company()))
          .append("</td><td>")
          .append(esc(title))
          .append(" <span class=\"muted\">")
          .append(esc(s.source()))
          .append("</span></td><td class=\"num\">")
          .append(s.records())
          .append("</td><td class=\"num hits\">")
          .append(s.hits())
          .append("</td></tr>");
    }
    return b.append("</tbody></table></section>").toString();
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
