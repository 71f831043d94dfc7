package jp.kaiji.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table printed with aligned columns; the bench's only output format. */
final class Table {
  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  Table(String title, String... header) {
    this.title = title;
    rows.add(header);
  }

  Table row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] instanceof Double d ? fmt(d) : String.valueOf(cells[i]);
    }
    rows.add(r);
    return this;
  }

  static String fmt(double d) {
    if (Double.isNaN(d)) {
      return "-";
    }
    if (Math.abs(d) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", d);
    }
    return Math.abs(d) >= 10
        ? String.format(Locale.ROOT, "%.1f", d)
        : String.format(Locale.ROOT, "%.2f", d);
  }

  void print(PrintStream out) {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    out.println();
    out.println("== " + title);
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        b.append(r[i]).append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
      }
      out.println(b.toString().stripTrailing());
    }
  }
}
