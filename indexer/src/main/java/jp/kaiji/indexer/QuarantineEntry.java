package jp.kaiji.indexer;

import java.util.Objects;

/**
 * One piece of input that was not indexed as given: a whole row that could not be read, or one
 * identifier that could not be normalized. Holds no personal data: the column name, a stable code
 * and a reason written by Kaiji, never the value.
 *
 * @param source the source id
 * @param row the line or row number where the record starts
 * @param column the column concerned, or empty for a whole row
 * @param attribute the identity attribute concerned (e.g. {@code phone}), or empty for a whole row
 * @param code a stable code, e.g. {@code csv.quote}, {@code phone.invalid}
 * @param reason a human-readable reason
 * @param indexed whether the record was still indexed (with its valid identifiers)
 */
record QuarantineEntry(
    String source,
    long row,
    String column,
    String attribute,
    String code,
    String reason,
    boolean indexed) {
  public QuarantineEntry {
    Objects.requireNonNull(source, "source");
    column = column == null ? "" : column;
    attribute = attribute == null ? "" : attribute;
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
