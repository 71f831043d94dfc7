package jp.kaiji.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a source is read. */
public enum SourceKind {
  CSV,
  JSONL,
  JDBC,
  /** An Excel workbook (.xlsx), one sheet per source. */
  XLSX;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SourceKind fromId(String id) {
    for (SourceKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown source kind '" + id + "'; expected csv, jsonl, jdbc or xlsx");
  }
}
