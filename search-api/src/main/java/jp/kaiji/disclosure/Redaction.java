package jp.kaiji.disclosure;

import java.util.Objects;

/**
 * A span of a free-text field hidden from the package because it mentions somebody else. Offsets
 * count Unicode code points (so a kanji outside the BMP counts once), end exclusive. The index
 * keeps the original; only the package shows {@link #MARK} in its place.
 *
 * @param recordId {@code source/key}
 * @param field the top-level field of the record's original
 */
public record Redaction(
    String recordId,
    String field,
    int start,
    int end,
    String reason,
    String redactedBy,
    String redactedAt) {
  /** What the package shows instead of a redacted span. */
  public static final String MARK = "［墨消し］";

  public Redaction {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(field, "field");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "start must be ≥ 0 and end > start, got " + start + ".." + end);
    }
    reason = reason == null ? "" : reason.strip();
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("reason is required for a redaction");
    }
    Objects.requireNonNull(redactedBy, "redactedBy");
    Objects.requireNonNull(redactedAt, "redactedAt");
  }
}
