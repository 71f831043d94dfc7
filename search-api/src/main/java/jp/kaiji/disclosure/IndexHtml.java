package jp.kaiji.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.html.Html;

/**
 * The package's {@code index.html}: the answer the requester reads, in Japanese. Its sections
 * follow what a disclosure must say (DOMAIN.md): what is held per company and category, why
 * (purpose of use), the joint-use statement, the records of provision to third parties, and, when
 * nothing is held, that nothing is held. Self-contained (inline CSS, no scripts).
 */
final class IndexHtml {
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.ROOT);

  /** The statement of a package that discloses nothing. */
  static final String NOTHING_HELD = "ご請求いただいたご本人に関する保有個人データは、当社グループのいずれの会社においても保有しておりません。";

  /** The statement of a package that discloses nothing while holdings exist it cannot search. */
  static final String NOT_IDENTIFIED =
      "ご請求書の記載事項で検索した範囲では、ご本人の保有個人データは見つかりませんでした。ただし、次の表のとおり、記載事項では特定できない形で保有している情報があります。";

  /** The statement when no record of provision to third parties concerns the requester. */
  static final String NO_PROVISIONS = "ご本人に関する個人データを第三者に提供した記録はありません。";

  private IndexHtml() {}

  static String render(
      DisclosureCase c,
      String generatedAt,
      List<PackageContents.SourceDisclosure> sources,
      List<PackageContents.Provision> provisions,
      SourceCatalog catalog,
      Map<String, PackageMedia.Entry> media) {
    List<jp.kaiji.search.CategoryState> states = HoldingsSection.states(c, sources);
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .el("title", "保有個人データの開示等のご請求に対するご回答（" + c.reference() + "）")
        .raw("\n<style>")
        .raw(
            "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6;color:#111}")
        .raw(
            "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #767676;padding:.25em .5em;vertical-align:top;text-align:left}")
        .raw("th{background:#eee}caption{text-align:left;font-weight:bold}")
        .raw(
            ".nothing{font-weight:bold;border:2px solid #333;padding:1em}</style>\n</head>\n<body>\n")
        // One main landmark: a screen reader can jump to the answer itself.
        .raw("<main>\n")
        .el("h1", "保有個人データの開示等のご請求に対するご回答")
        .raw("\n<table id=\"request\">\n");
    row(h, "請求番号", c.reference());
    row(h, "ご請求の受付日", DAY.format(LocalDate.parse(c.form().receivedOn())));
    row(h, "ご請求者の区分", c.form().requesterKind().japanese());
    row(
        h,
        "ご請求の内容",
        c.form().actions().stream()
            .map(RequestedAction::japanese)
            .collect(Collectors.joining("、")));
    row(h, "ご回答の方法", c.form().delivery().japanese());
    row(h, "作成日時", TIME.format(Instant.parse(generatedAt).atZone(JAPAN)));
    h.raw("</table>\n");

    h.el("h2", "1. 保有している個人データ").raw("\n");
    if (sources.isEmpty() && !HoldingsSection.anyHeldNotFindable(states)) {
      h.el("p", NOTHING_HELD, "class", "nothing", "id", "nothing-held").raw("\n");
    } else if (sources.isEmpty()) {
      // Held, but not findable by what was written: "nothing held" would be untrue.
      h.el("p", NOT_IDENTIFIED, "class", "nothing", "id", "not-identified").raw("\n");
    } else {
      h.el("p", "当社グループが保有するご本人の個人データは、会社・情報の区分ごとに次のとおりです。").raw("\n");
      h.raw("<table id=\"summary\">\n");
      header(h, "会社", "情報の区分", "データ", "件数", "共同利用");
      for (PackageContents.SourceDisclosure s : sources) {
        h.raw("<tr>")
            .el("td", s.legalName())
            .el("td", s.source().categoryLabel())
            .el("td", s.source().title())
            .el("td", s.records().size())
            .el("td", s.source().jointlyUsed() ? "共同利用" : "—")
            .raw("</tr>\n");
      }
      h.raw("</table>\n");
    }

    HoldingsSection.render(h, states, catalog);

    h.el("h2", "2. 利用目的").raw("\n");
    if (sources.isEmpty()) {
      h.el("p", "保有している個人データがないため、該当する利用目的はありません。").raw("\n");
    } else {
      h.raw("<table id=\"purposes\">\n");
      header(h, "会社", "情報の区分", "利用目的");
      Map<String, PackageContents.SourceDisclosure> byPurpose = new LinkedHashMap<>();
      sources.forEach(
          s ->
              byPurpose.putIfAbsent(
                  s.company() + "\u0000" + s.source().category() + "\u0000" + s.source().purpose(),
                  s));
      for (PackageContents.SourceDisclosure s : byPurpose.values()) {
        h.raw("<tr>")
            .el("td", s.legalName())
            .el("td", s.source().categoryLabel())
            .el("td", s.source().purpose())
            .raw("</tr>\n");
      }
      h.raw("</table>\n");
    }

    h.el("h2", "3. 個人データの内容").raw("\n");
    if (sources.isEmpty()) {
      h.el("p", "該当するデータはありません。").raw("\n");
    }
    int redacted = 0;
    for (PackageContents.SourceDisclosure s : sources) {
      h.el("h3", s.legalName() + "：" + s.source().title() + "（" + s.source().categoryLabel() + "）")
          .raw("\n")
          .el("p", "ファイル：" + PackageContents.csvName(s.source().source()))
          .raw("\n");
      List<String> columns =
          s.records().stream()
              .flatMap(d -> iterable(d.data().fieldNames()).stream())
              .distinct()
              .toList();
      h.raw("<table>\n");
      header(h, columns.toArray(String[]::new));
      for (PackageContents.Disclosed d : s.records()) {
        redacted += d.redactions().size();
        h.raw("<tr>");
        columns.forEach(col -> h.el("td", PackageContents.text(d.data(), col)));
        h.raw("</tr>\n");
      }
      h.raw("</table>\n");
      mediaTable(h, s, media);
    }
    if (redacted > 0) {
      h.el(
              "p",
              "第三者の個人情報を含む箇所（" + redacted + "箇所）は、" + Redaction.MARK + "と表示し開示の対象から除いています。",
              "id",
              "redactions")
          .raw("\n");
    }

    h.el("h2", "4. 共同利用について").raw("\n<table id=\"joint-use\">\n");
    var ju = catalog.jointUse();
    if (ju != null) {
      row(h, "共同して利用される個人データの項目", String.join("、", ju.items()));
      row(
          h,
          "共同して利用する者の範囲",
          ju.companies().stream()
              .map(id -> PackageContents.legalName(catalog, id))
              .collect(Collectors.joining("、")));
      row(h, "利用する者の利用目的", ju.purpose());
      row(h, "個人データの管理について責任を有する者", PackageContents.legalName(catalog, ju.responsibleParty()));
    }
    h.raw("</table>\n");

    h.el("h2", "5. 第三者提供記録").raw("\n");
    if (provisions.isEmpty()) {
      h.el("p", NO_PROVISIONS, "id", "no-provisions").raw("\n");
    } else {
      h.raw("<table id=\"provisions\">\n");
      header(h, "提供日", "提供先", "提供した項目", "提供元");
      for (PackageContents.Provision p : provisions) {
        h.raw("<tr>")
            .el("td", p.date())
            .el("td", p.recipient())
            .el("td", p.items())
            .el("td", p.company())
            .raw("</tr>\n");
      }
      h.raw("</table>\n");
    }

    h.el("h2", "6. 検索した範囲")
        .raw("\n")
        .el("p", "次のすべてのデータを検索しました（件数はご本人に該当したもの）。")
        .raw("\n<table id=\"searched\">\n");
    header(h, "会社", "データ", "該当件数");
    for (ResultSnapshot.SourceSearched s : c.result().orElseThrow().sourcesSearched()) {
      long n =
          sources.stream()
              .filter(d -> d.source().source().equals(s.source()))
              .mapToLong(d -> d.records().size())
              .sum();
      String title =
          catalog.sources().stream()
              .filter(d -> d.id().equals(s.source()))
              .findFirst()
              .map(SourceDefinition::title)
              .orElse(s.source());
      h.raw("<tr>")
          .el("td", PackageContents.legalName(catalog, s.company()))
          .el("td", title)
          .el("td", n)
          .raw("</tr>\n");
    }
    h.raw("</table>\n");

    h.el("h2", "7. 同封のファイル")
        .raw("\n<ul>\n")
        .el("li", "data.json：上記の個人データ（機械で読める形式）")
        .raw("\n")
        .el(
            "li",
            "csv/：データごとの一覧（Excel で開けます。数式と誤認される値の先頭には ' を付けています。"
                + "入れ子になった項目は JSON の文字列として一つのセルに入れています。元の形は data.json にあります）")
        .raw("\n")
        .raw(
            media.values().stream().anyMatch(e -> e.packaged().isPresent())
                ? "<li>media/：記録が参照する録音などのファイル（開示できるもの）</li>\n"
                : "")
        .el("li", "manifest.json：各ファイルの SHA-256 ハッシュ値（改ざんがないことの確認用）")
        .raw("\n</ul>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The files a source's disclosed records reference: included with a checksum, or why not. */
  private static void mediaTable(
      Html h, PackageContents.SourceDisclosure s, Map<String, PackageMedia.Entry> media) {
    List<PackageMedia.Entry> entries =
        s.records().stream()
            .map(d -> media.get(d.hit().id()))
            .filter(java.util.Objects::nonNull)
            .toList();
    if (entries.isEmpty()) {
      return;
    }
    h.raw("<table class=\"media\">\n");
    header(h, "記録", "参照ファイル", "開示");
    for (PackageMedia.Entry e : entries) {
      h.raw("<tr>")
          .el("td", e.recordId())
          .el("td", e.referenced())
          .el("td", e.statement())
          .raw("</tr>\n");
    }
    h.raw("</table>\n");
  }

  /** A table's header row: column headers for screen readers ({@code scope="col"}). */
  private static void header(Html h, String... columns) {
    h.raw("<thead><tr>");
    for (String col : columns) {
      h.el("th", col, "scope", "col");
    }
    h.raw("</tr></thead>\n");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** A row of a two-column table: its header names the row ({@code scope="row"}). */
  private static void row(Html h, String label, String value) {
    h.raw("<tr>").el("th", label, "scope", "row").el("td", value).raw("</tr>\n");
  }
}
