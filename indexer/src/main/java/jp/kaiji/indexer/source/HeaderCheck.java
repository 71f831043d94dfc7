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
  public static List<String> problems(SourceDefinition source, Collection<String> columns) {
    List<String> out = new ArrayList<>();
    String have = " is not a column of the source (columns: " + String.join(", ", columns) + ")";
    String at = "source '" + source.id() + "': ";
    if (source.primaryKey() != null && !columns.contains(source.primaryKey())) {
      out.add(at + "primaryKey '" + source.primaryKey() + "'" + have);
    }
    if (source.identity() != null) {
      for (Map.Entry<String, String> e : source.identity().mappedColumns()) {
        if (!columns.contains(e.getValue())) {
          out.add(at + "identity." + e.getKey() + " column '" + e.getValue() + "'" + have);
        }
      }
    }
    for (int i = 0; i < source.foreignKeys().size(); i++) {
      ForeignKey fk = source.foreignKeys().get(i);
      if (!columns.contains(fk.column())) {
        out.add(at + "foreignKeys[" + i + "].column '" + fk.column() + "'" + have);
      }
    }
    return out;
  }
}
