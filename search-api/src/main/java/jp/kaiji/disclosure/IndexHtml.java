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

  /** The statement when no record of provision to third parties concerns the requester. */
  static final String NO_PROVISIONS = "ご本人に関する個人データを第三者に提供した記録はありません。";

  private IndexHtml() {}

  static String render(
      DisclosureCase c,
      String generatedAt,
      List<PackageContents.SourceDisclosure> sources,
      List<PackageContents.Provision> provisions,
      SourceCatalog catalog) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>保有個人データの開示等のご請求に対するご回答（")
        .append(esc(c.reference()))
        .append("）</title>\n")
        .append(
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6}")
        .append(
            "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top;text-align:left}")
        .append(
            "th{background:#eee}.nothing{font-weight:bold;border:2px solid #333;padding:1em}</style>\n</head>\n<body>\n");
    h.append("<h1>保有個人データの開示等のご請求に対するご回答</h1>\n<table>\n");
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
    h.append("</table>\n");

    h.append("<h2>1. 保有している個人データ</h2>\n");
    if (sources.isEmpty()) {
      h.append("<p class=\"nothing\" id=\"nothing-held\">").append(NOTHING_HELD).append("</p>\n");
    } else {
      h.append("<p>当社グループが保有するご本人の個人データは、会社・情報の区分ごとに次のとおりです。</p>\n");
      h.append(
          "<table id=\"summary\">\n<tr><th>会社</th><th>情報の区分</th><th>データ</th><th>件数</th><th>共同利用</th></tr>\n");
      for (PackageContents.SourceDisclosure s : sources) {
        h.append("<tr><td>")
            .append(esc(s.legalName()))
            .append("</td><td>")
            .append(esc(s.source().categoryLabel()))
            .append("</td><td>")
            .append(esc(s.source().title()))
            .append("</td><td>")
            .append(s.records().size())
            .append("</td><td>")
            .append(s.source().jointlyUsed() ? "共同利用" : "—")
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>2. 利用目的</h2>\n");
    if (sources.isEmpty()) {
      h.append("<p>保有している個人データがないため、該当する利用目的はありません。</p>\n");
    } else {
      h.append("<table id=\"purposes\">\n<tr><th>会社</th><th>情報の区分</th><th>利用目的</th></tr>\n");
      Map<String, PackageContents.SourceDisclosure> byPurpose = new LinkedHashMap<>();
      sources.forEach(
          s ->
              byPurpose.putIfAbsent(
                  s.company() + "\u0000" + s.source().category() + "\u0000" + s.source().purpose(),
                  s));
      for (PackageContents.SourceDisclosure s : byPurpose.values()) {
        h.append("<tr><td>")
            .append(esc(s.legalName()))
            .append("</td><td>")
            .append(esc(s.source().categoryLabel()))
            .append("</td><td>")
            .append(esc(s.source().purpose()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>3. 個人データの内容</h2>\n");
    if (sources.isEmpty()) {
      h.append("<p>該当するデータはありません。</p>\n");
    }
    int redacted = 0;
    for (PackageContents.SourceDisclosure s : sources) {
      h.append("<h3>")
          .append(esc(s.legalName()))
          .append("：")
          .append(esc(s.source().title()))
          .append("（")
          .append(esc(s.source().categoryLabel()))
          .append("）</h3>\n<p>ファイル：")
          .append(esc(PackageContents.csvName(s.source().source())))
          .append("</p>\n");
      List<String> columns =
          s.records().stream()
              .flatMap(d -> iterable(d.data().fieldNames()).stream())
              .distinct()
              .toList();
      h.append("<table>\n<tr>");
      columns.forEach(col -> h.append("<th>").append(esc(col)).append("</th>"));
      h.append("</tr>\n");
      for (PackageContents.Disclosed d : s.records()) {
        redacted += d.redactions().size();
        h.append("<tr>");
        columns.forEach(
            col ->
                h.append("<td>").append(esc(PackageContents.text(d.data(), col))).append("</td>"));
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    if (redacted > 0) {
      h.append("<p id=\"redactions\">第三者の個人情報を含む箇所（")
          .append(redacted)
          .append("箇所）は、")
          .append(Redaction.MARK)
          .append("と表示し開示の対象から除いています。</p>\n");
    }

    h.append("<h2>4. 共同利用について</h2>\n<table id=\"joint-use\">\n");
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
    h.append("</table>\n");

    h.append("<h2>5. 第三者提供記録</h2>\n");
    if (provisions.isEmpty()) {
      h.append("<p id=\"no-provisions\">").append(NO_PROVISIONS).append("</p>\n");
    } else {
      h.append(
          "<table id=\"provisions\">\n<tr><th>提供日</th><th>提供先</th><th>提供した項目</th><th>提供元</th></tr>\n");
      for (PackageContents.Provision p : provisions) {
        h.append("<tr><td>")
            .append(esc(p.date()))
            .append("</td><td>")
            .append(esc(p.recipient()))
            .append("</td><td>")
            .append(esc(p.items()))
            .append("</td><td>")
            .append(esc(p.company()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append(
            "<h2>6. 検索した範囲</h2>\n<p>次のすべてのデータを検索しました（件数はご本人に該当したもの）。</p>\n<table id=\"searched\">\n")
        .append("<tr><th>会社</th><th>データ</th><th>該当件数</th></tr>\n");
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
      h.append("<tr><td>")
          .append(esc(PackageContents.legalName(catalog, s.company())))
          .append("</td><td>")
          .append(esc(title))
          .append("</td><td>")
          .append(n)
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>7. 同封のファイル</h2>\n<ul>\n<li>data.json：上記の個人データ（機械で読める形式）</li>\n")
        .append("<li>csv/：データごとの一覧（Excel で開けます。数式と誤認される値の先頭には ' を付けています）</li>\n")
        .append(
            "<li>manifest.json：各ファイルの SHA-256 ハッシュ値（改ざんがないことの確認用）</li>\n</ul>\n</body>\n</html>\n");
    return h.toString();
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>")
        .append(esc(label))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
