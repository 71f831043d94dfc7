package jp.kaiji.indexer.source;

import java.util.LinkedHashMap;
import java.util.Objects;

/** What a {@link SourceReader} yields for each record: a row, or a row that could not be read. */
public sealed interface SourceItem permits SourceItem.SourceRow, SourceItem.MalformedRow {

  /** The line (csv, jsonl: 1-based, where the record starts) or row (jdbc: 1-based) number. */
  long rowNumber();

  /**
   * One record as received.
   *
   * @param rowNumber where it starts
   * @param fields every column in source order as text (what the normalizers read); a value is null
   *     for SQL NULL or JSON null. A JSON Lines row also holds the values of the JSON Pointers its
   *     source maps, under the pointer ({@code /pickup/address}).
   * @param originalJson the record exactly as the source holds it, where that is JSON (types,
   *     nesting and order kept); otherwise the original is built from {@code fields}
   */
  record SourceRow(
      long rowNumber, LinkedHashMap<String, String> fields, java.util.Optional<String> originalJson)
      implements SourceItem {
    public SourceRow {
      Objects.requireNonNull(fields, "fields");
      Objects.requireNonNull(originalJson, "originalJson");
    }

    /** A row of text columns (csv, jdbc): its original is its columns. */
    public SourceRow(long rowNumber, LinkedHashMap<String, String> fields) {
      this(rowNumber, fields, java.util.Optional.empty());
    }
  }

  /**
   * A record that could not be read. It is quarantined, never indexed.
   *
   * @param rowNumber where it starts
   * @param code a stable code, e.g. {@code csv.quote}, {@code charset.malformed}
   * @param reason why, without the record's content
   */
  record MalformedRow(long rowNumber, String code, String reason) implements SourceItem {
    public MalformedRow {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
