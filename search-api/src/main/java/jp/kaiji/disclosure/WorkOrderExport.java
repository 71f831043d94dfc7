package jp.kaiji.disclosure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaiji.catalog.SourceCatalog;

/**
 * A work order as the owner receives it: JSON for their tools, and a CSV in Japanese that Excel
 * opens correctly (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting, formula-looking values
 * neutralised; see {@link Csv}), one line per record and action.
 */
public final class WorkOrderExport {
  static final List<String> CSV_HEADER =
      List.of(
          "指示書番号", "請求番号", "会社", "データ", "レコードキー", "依頼内容", "項目", "現在の値", "変更後の値", "期限", "状況",
          "理由・備考");

  private WorkOrderExport() {}

  /** The company's legal name, or its id when the catalogue no longer has it. */
  static String legalName(SourceCatalog catalog, String company) {
    return catalog.companies().stream()
        .filter(c -> c.id().equals(company))
        .map(jp.kaiji.catalog.Company::legalName)
        .findFirst()
        .orElse(company);
  }

  /** The source's title, or its id when the catalogue no longer has it. */
  static String title(SourceCatalog catalog, String source) {
    return catalog.sources().stream()
        .filter(s -> s.id().equals(source))
        .map(jp.kaiji.catalog.SourceDefinition::title)
        .findFirst()
        .orElse(source);
  }

  /** The order with the catalogue's names and Japanese labels, for {@code export.json}. */
  public static Map<String, Object> json(WorkOrder o, SourceCatalog catalog) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("order", o);
    m.put("companyName", legalName(catalog, o.company()));
    m.put("sourceTitle", title(catalog, o.source()));
    m.put("statusLabel", o.status().japanese());
    m.put("actionLabels", o.items().stream().map(i -> i.action().japanese()).toList());
    return m;
  }

  /** The order as an Excel-ready CSV in Japanese. */
  public static byte[] csv(WorkOrder o, SourceCatalog catalog) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(CSV_HEADER);
    for (WorkOrder.Item i : o.items()) {
      rows.add(
          List.of(
              o.id(),
              o.reference(),
              legalName(catalog, o.company()),
              title(catalog, o.source()),
              i.key(),
              i.action().japanese(),
              i.field(),
              i.oldValue(),
              i.newValue(),
              o.dueOn(),
              o.status().japanese(),
              o.ownerReason()));
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        out.append(c > 0 ? "," : "").append(Csv.cell(row.get(c)));
      }
      out.append("\r\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(Csv.BOM);
    bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }
}
