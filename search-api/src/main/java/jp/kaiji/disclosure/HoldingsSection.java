package jp.kaiji.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.html.Html;
import jp.kaiji.search.CategoryState;

/**
 * §1 of the answer per data category, in three states: found (with the disclosed records), searched
 * and nothing found, or held but not findable by what the requester wrote (with the retention and
 * what they could give). "Found" counts the records the reviewer disclosed, not what the search
 * returned.
 */
final class HoldingsSection {
  private HoldingsSection() {}

  /** What a requester could give, in the answer's words, by {@code LocatorMapping} kind. */
  static final Map<String, String> COULD_GIVE =
      Map.of(
          "identity", "お名前・ご住所・お電話番号などご本人を特定できる事項",
          "visit", "ご来店の日時と店舗",
          "call", "お電話の日時と電話番号",
          "cookie", "当社ウェブページに表示される Cookie ID・端末 ID",
          "ip", "ご利用時の IP アドレスと日時");

  static final String FOUND = "保有しています";
  static final String NOTHING_FOUND = "検索しましたが、ご本人に該当するデータはありませんでした";
  static final String HELD_NOT_FINDABLE = "保有していますが、ご請求書の記載事項ではご本人のものを特定できません";

  /** The stored states with "found" recounted from the disclosed records. */
  static List<CategoryState> states(
      DisclosureCase c, List<PackageContents.SourceDisclosure> sources) {
    Map<String, Long> disclosed =
        sources.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.source().category(),
                    Collectors.summingLong(s -> (long) s.records().size())));
    List<CategoryState> out = new ArrayList<>();
    for (CategoryState s : c.result().orElseThrow().categories()) {
      long n = disclosed.getOrDefault(s.category(), 0L);
      out.add(
          new CategoryState(
              s.category(),
              s.label(),
              CategoryState.State.of(n, s.notFindable()),
              (int) n,
              s.notFindable(),
              s.expired()));
    }
    return out;
  }

  /** Whether any category is held but not findable: then "nothing held" would be untrue. */
  static boolean anyHeldNotFindable(List<CategoryState> states) {
    return states.stream().anyMatch(s -> !s.notFindable().isEmpty());
  }

  static void render(Html h, List<CategoryState> states, SourceCatalog catalog) {
    if (states.isEmpty()) {
      return;
    }
    h.el("p", "情報の区分ごとの検索の結果は次のとおりです。").raw("\n");
    h.raw("<table id=\"categories\">\n<thead><tr>")
        .el("th", "情報の区分", "scope", "col")
        .el("th", "結果", "scope", "col")
        .el("th", "詳細", "scope", "col")
        .raw("</tr></thead>\n");
    for (CategoryState s : states) {
      h.raw("<tr data-state=\"" + s.state().id() + "\">")
          .el("td", s.label())
          .el("td", word(s.state()))
          .el("td", details(s, catalog))
          .raw("</tr>\n");
    }
    h.raw("</table>\n");
  }

  static String word(CategoryState.State state) {
    return switch (state) {
      case FOUND -> FOUND;
      case NOTHING_FOUND -> NOTHING_FOUND;
      case HELD_NOT_FINDABLE -> HELD_NOT_FINDABLE;
    };
  }

  private static String details(CategoryState s, SourceCatalog catalog) {
    List<String> parts = new ArrayList<>();
    if (s.state() == CategoryState.State.FOUND) {
      parts.add(s.records() + "件（下記 3. のとおり）");
    }
    for (CategoryState.Holding h : s.notFindable()) {
      parts.add(
          PackageContents.legalName(catalog, h.company())
              + "の「"
              + h.title()
              + "」"
              + h.retentionDays().map(d -> "（保存期間 " + d + " 日）").orElse("")
              + "は、"
              + (h.couldGive().isEmpty()
                  ? "お名前等では検索できない形で保有しています。"
                  : h.couldGive().stream()
                          .map(k -> COULD_GIVE.getOrDefault(k, k))
                          .collect(Collectors.joining("、"))
                      + "をお知らせいただければ検索いたします。"));
    }
    for (CategoryState.Holding h : s.expired()) {
      parts.add(
          PackageContents.legalName(catalog, h.company())
              + "の「"
              + h.title()
              + "」は保存期間"
              + h.retentionDays().map(d -> " " + d + " 日").orElse("")
              + "を過ぎたものを保有しておらず、ご指定の日時のものは保有しておりません。");
    }
    return parts.isEmpty() ? "—" : String.join(" ", parts);
  }
}
