package jp.kaiji.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.html.Html;

/**
 * The answer to the requester about correction, deletion and stops of use or provision (結果の通知): per
 * record and action what was done, what was refused and why, and the request's history. In
 * Japanese, self-contained HTML (inline CSS, no scripts) laid out for A4 paper, since many answers
 * go by post; it names records by company, data and key, never by their other contents.
 */
public final class AnswerLetter {
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.ROOT);

  private AnswerLetter() {}

  /** One line of the result: what was done to a record for one action. */
  record Outcome(String result, String reason) {}

  public static String render(
      DisclosureCase c,
      List<ActionDecision> decisions,
      List<WorkOrder> orders,
      SourceCatalog catalog,
      String generatedAt) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
        .el("title", "訂正等・利用停止等のご請求に対する結果のご通知（" + c.reference() + "）")
        .raw("\n<style>")
        .raw("@page{size:A4;margin:18mm 16mm}")
        .raw(
            "body{font-family:serif;max-width:178mm;margin:1em auto;line-height:1.6;color:#000;font-size:10.5pt}")
        .raw(
            "table{border-collapse:collapse;width:100%;margin:.5em 0 1.2em}th,td{border:1px solid #555;padding:.2em .4em;vertical-align:top;text-align:left}")
        .raw("th{background:#eee}tr{page-break-inside:avoid}h2{page-break-after:avoid}")
        .raw(
            ".to{font-size:12pt}.date{text-align:right}.done{font-weight:bold}.nw{white-space:nowrap}")
        .raw("@media print{body{margin:0;max-width:none}}</style>\n</head>\n<body>\n<main>\n");
    h.el("p", DAY.format(Instant.parse(generatedAt).atZone(JAPAN)), "class", "date").raw("\n");
    h.el("p", c.form().subject().name().orElse("ご請求者") + " 様", "class", "to").raw("\n");
    h.el("h1", "保有個人データの訂正等・利用停止等のご請求に対する結果のご通知").raw("\n");
    h.el(
            "p",
            "ご請求いただいた保有個人データの訂正・追加・削除、利用の停止・消去及び第三者への提供の停止について、"
                + "当社グループの各社において調査のうえ、次のとおり対応いたしましたのでご通知いたします。")
        .raw("\n<table id=\"request\">\n");
    row(h, "請求番号", c.reference());
    row(h, "ご請求の受付日", DAY.format(LocalDate.parse(c.form().receivedOn())));
    row(
        h,
        "ご請求の内容",
        c.form().actions().stream()
            .map(RequestedAction::japanese)
            .collect(Collectors.joining("、")));
    h.raw("</table>\n");

    h.el("h2", "1. ご請求ごとの結果").raw("\n");
    if (decisions.isEmpty()) {
      h.el("p", "訂正等・利用停止等の対象となる保有個人データはありませんでした。", "id", "nothing").raw("\n");
    } else {
      h.raw("<table id=\"outcomes\">\n<tr>");
      for (String col : List.of("会社", "データ", "番号", "ご請求", "項目・訂正後の内容", "結果", "理由")) {
        h.el("th", col);
      }
      h.raw("</tr>\n");
      for (ActionDecision d : decisions) {
        Outcome o = outcome(d, orders);
        String company =
            orders.stream()
                .filter(w -> w.source().equals(d.source()))
                .map(w -> WorkOrderExport.legalName(catalog, w.company()))
                .findFirst()
                .orElseGet(() -> companyOfSource(c, catalog, d.source()));
        h.raw("<tr>")
            .el("td", company)
            .el("td", WorkOrderExport.title(catalog, d.source()))
            .el("td", d.key(), "class", "nw")
            .el("td", d.action().japanese(), "class", "nw")
            .el("td", d.field().isEmpty() ? "—" : d.field() + "：" + d.newValue())
            .el("td", o.result(), "class", o.result().startsWith("実施しました") ? "done" : "pending")
            .el("td", o.reason())
            .raw("</tr>\n");
      }
      h.raw("</table>\n");
    }
    long open =
        decisions.stream().filter(d -> outcome(d, orders).result().startsWith("対応中")).count();
    if (open > 0) {
      h.el("p", "「対応中」の項目は、対応が完了しましたら改めてご通知いたします。", "id", "pending-note").raw("\n");
    }

    h.el("h2", "2. ご請求の経緯").raw("\n<table id=\"history\">\n<tr>");
    h.el("th", "日時").el("th", "内容").raw("</tr>\n");
    for (String[] e : history(c, orders, catalog)) {
      h.raw("<tr>").el("td", e[1]).el("td", e[2]).raw("</tr>\n");
    }
    h.raw("</table>\n");
    if (catalog.jointUse() != null) {
      h.el(
              "p",
              "本通知に関するお問い合わせ先："
                  + PackageContents.legalName(catalog, catalog.jointUse().responsibleParty())
                  + "（個人データの管理について責任を有する者）")
          .raw("\n");
    }
    return h.raw("</main>\n</body>\n</html>\n").toString();
  }

  static Outcome outcome(ActionDecision d, List<WorkOrder> orders) {
    if (d.verdict() == ActionDecision.Verdict.REFUSE) {
      String ground = d.ground().map(RefusalGround::japanese).orElse("");
      return new Outcome("実施しませんでした", d.reason().isEmpty() ? ground : ground + "。" + d.reason());
    }
    Optional<WorkOrder> order =
        orders.stream()
            .filter(
                o ->
                    o.items().stream()
                        .anyMatch(
                            i ->
                                i.recordId().equals(d.recordId())
                                    && i.action() == d.action()
                                    && i.field().equals(d.field())))
            .findFirst();
    if (order.isEmpty()) {
      return new Outcome("対応中", "");
    }
    WorkOrder o = order.get();
    return switch (o.status()) {
      case VERIFIED ->
          new Outcome("実施しました（" + day(o.checkedAt().orElse(o.issuedAt())) + "に確認）", "");
      case REFUSED -> new Outcome("実施できませんでした", o.ownerReason());
      default -> new Outcome("対応中", day(o.dueOn() + "T00:00:00Z") + "までに実施の予定");
    };
  }

  private static String companyOfSource(DisclosureCase c, SourceCatalog catalog, String source) {
    return catalog.sources().stream()
        .filter(s -> s.id().equals(source))
        .map(s -> PackageContents.legalName(catalog, s.company()))
        .findFirst()
        .orElse("");
  }

  /** {@code sortKey, when, what} lines, oldest first. */
  private static List<String[]> history(
      DisclosureCase c, List<WorkOrder> orders, SourceCatalog catalog) {
    List<String[]> out = new ArrayList<>();
    for (StatusChange s : c.history()) {
      String what =
          switch (s.status()) {
            case RECEIVED -> "ご請求を受け付けました";
            case IN_REVIEW -> "当社グループの保有個人データを調査しました";
            case READY -> "調査結果を確定しました";
            case EXPORTED -> "開示等の回答を作成しました";
          };
      out.add(new String[] {s.at(), time(s.at()), what});
    }
    for (WorkOrder o : orders) {
      String where =
          WorkOrderExport.legalName(catalog, o.company())
              + "（"
              + WorkOrderExport.title(catalog, o.source())
              + "）";
      out.add(new String[] {o.issuedAt(), time(o.issuedAt()), where + "に対応を依頼しました"});
      o.answeredAt()
          .ifPresent(
              at ->
                  out.add(
                      new String[] {
                        at,
                        time(at),
                        where
                            + (o.status() == WorkOrder.Status.REFUSED
                                ? "から対応できない旨の回答がありました"
                                : "から対応完了の報告がありました")
                      }));
      o.checkedAt()
          .ifPresent(
              at ->
                  out.add(
                      new String[] {
                        at,
                        time(at),
                        where
                            + (o.status() == WorkOrder.Status.VERIFIED
                                ? "の記録を確認し、対応が完了していることを確かめました"
                                : "の記録を確認し、未了の項目を再度依頼しました")
                      }));
    }
    out.sort(Comparator.comparing(e -> e[0]));
    return out;
  }

  private static String day(String instant) {
    return DAY.format(Instant.parse(instant).atZone(JAPAN));
  }

  private static String time(String instant) {
    return TIME.format(Instant.parse(instant).atZone(JAPAN));
  }

  private static void row(Html h, String label, String value) {
    h.raw("<tr>").el("th", label).el("td", value).raw("</tr>\n");
  }
}
