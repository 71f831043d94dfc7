package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A reviewer's decision on one returned record. A rejection carries its reason (e.g. "twin brother:
 * same address and birth date, other given name").
 *
 * @param recordId {@code source/key} of a record in the request's stored result
 */
public record Decision(
    String recordId, Verdict verdict, String reason, String decidedBy, String decidedAt) {
  public Decision {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(verdict, "verdict");
    reason = reason == null ? "" : reason.strip();
    if (verdict == Verdict.REJECT && reason.isEmpty()) {
      throw new IllegalArgumentException("reason is required to reject record " + recordId);
    }
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** Whether the record goes into the package. */
  public enum Verdict {
    ACCEPT,
    REJECT;

    @JsonValue
    public String id() {
      return Ids.id(this);
    }

    @JsonCreator
    public static Verdict fromId(String id) {
      return Ids.fromId(Verdict.class, "decision", id);
    }
  }
}
