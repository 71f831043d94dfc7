package jp.kaiji.indexer.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.kaiji.catalog.ForeignKey;
import jp.kaiji.catalog.SourceDefinition;

/** Checks that every column a source definition names exists in the source. */
public final class HeaderCheck {
  private HeaderCheck() {}

  /**
   * One line per column the definition names but the source lacks, naming the source and the
   * catalogue field, e.g. {@code source 'shop': identity.phones column 'tel' is not a column of the
   * source (columns: id, name)}.
   */
  public static List<String> problems(SourceDefinition source, Collection<String> declared) {
    // A JSON Pointer (jsonl, jdbc) is there when the column it starts from is.
    java.util.Set<String> columns = new java.util.LinkedHashSet<>(declared);
    for (String c : List.copyOf(columns)) {
      columns.add("/" + c.replace("~", "~0").replace("/", "~1"));
    }
    List<String> out = new ArrayList<>();
    String have = " is not a column of the source (columns: " + String.join(", ", declared) + ")";
    String at = "source '" + source.id() + "': ";
    if (source.primaryKey() != null && !has(columns, source.primaryKey())) {
      out.add(at + "primaryKey '" + source.primaryKey() + "'" + have);
    }
    if (source.identity() != null) {
      for (Map.Entry<String, String> e : source.identity().mappedColumns()) {
        if (!has(columns, e.getValue())) {
          out.add(at + "identity." + e.getKey() + " column '" + e.getValue() + "'" + have);
        }
      }
    }
    for (int i = 0; i < source.foreignKeys().size(); i++) {
      ForeignKey fk = source.foreignKeys().get(i);
      if (!has(columns, fk.column())) {
        out.add(at + "foreignKeys[" + i + "].column '" + fk.column() + "'" + have);
      }
    }
    return out;
  }

  /**
   * The column is there, or the pointer's first step ({@code /CONTACT} of {@code /CONTACT/tel}).
   */
  private static boolean has(java.util.Set<String> columns, String column) {
    if (columns.contains(column)) {
      return true;
    }
    int second = column.startsWith("/") ? column.indexOf('/', 1) : -1;
    return second > 0 && columns.contains(column.substring(0, second));
  }
}
