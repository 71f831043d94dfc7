package jp.kaiji.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a record's redactions to a copy of its original; the original itself is never changed.
 */
final class Redactions {
  private Redactions() {}

  /** Why a redaction cannot apply to a record. */
  public static final class Invalid extends Exception {
    private final String field;

    Invalid(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Checks that {@code field} is a text field of {@code original} and the span lies inside it. */
  public static void check(JsonNode original, String field, int start, int end) throws Invalid {
    JsonNode value = original.get(field);
    if (value == null || !value.isTextual()) {
      throw new Invalid("field", "record has no text field '" + field + "'");
    }
    int length = value.asText().codePointCount(0, value.asText().length());
    if (end > length) {
      throw new Invalid(
          "end", "span " + start + ".." + end + " runs past the field's " + length + " characters");
    }
  }

  /** A copy of {@code original} with every redacted span replaced by {@link Redaction#MARK}. */
  public static JsonNode apply(JsonNode original, List<Redaction> redactions) {
    if (redactions.isEmpty() || !original.isObject()) {
      return original;
    }
    ObjectNode copy = original.deepCopy();
    Map<String, List<Redaction>> byField = new TreeMap<>();
    redactions.forEach(r -> byField.computeIfAbsent(r.field(), f -> new ArrayList<>()).add(r));
    byField.forEach(
        (field, spans) -> {
          JsonNode v = copy.get(field);
          if (v != null && v.isTextual()) {
            copy.put(field, redact(v.asText(), spans));
          }
        });
    return copy;
  }

  /** Overlapping or touching spans merge into one mark. */
  static String redact(String text, List<Redaction> spans) {
    int[] cps = text.codePoints().toArray();
    List<int[]> merged = new ArrayList<>();
    spans.stream()
        .sorted(Comparator.comparingInt(Redaction::start))
        .forEach(
            r -> {
              int s = Math.min(r.start(), cps.length);
              int e = Math.min(r.end(), cps.length);
              if (!merged.isEmpty() && s <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], e);
              } else if (s < e) {
                merged.add(new int[] {s, e});
              }
            });
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] span : merged) {
      out.append(new String(cps, at, span[0] - at)).append(Redaction.MARK);
      at = span[1];
    }
    out.append(new String(cps, at, cps.length - at));
    return out.toString();
  }
}
