package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * What was asked for one found record beyond its disclosure, and what staff decided: carry it out,
 * or refuse it on a legal ground, with who decided and when.
 *
 * @param recordId {@code source/key} of a record the request's stored result discloses
 * @param field the source's column to set (a correction or a stop flag); empty for a deletion and
 *     for a stop the source has no column for
 * @param newValue the value the field must take; empty when {@code field} is
 * @param ground why it is refused; empty when carried out
 * @param reason free text: required for {@link RefusalGround#OTHER}, a note otherwise
 */
public record ActionDecision(
    String recordId,
    RecordAction action,
    String field,
    String newValue,
    Verdict verdict,
    Optional<RefusalGround> ground,
    String reason,
    String decidedBy,
    String decidedAt) {

  public ActionDecision {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(action, "action");
    field = field == null ? "" : field.strip();
    newValue = newValue == null ? "" : newValue;
    Objects.requireNonNull(verdict, "verdict");
    ground = ground == null ? Optional.empty() : ground;
    reason = reason == null ? "" : reason.strip();
    if (verdict == Verdict.REFUSE && ground.isEmpty()) {
      throw new IllegalArgumentException("ground is required to refuse an action on " + recordId);
    }
    if (verdict == Verdict.CARRY_OUT && ground.isPresent()) {
      throw new IllegalArgumentException("ground is only for a refusal, not for " + recordId);
    }
    if (ground.equals(Optional.of(RefusalGround.OTHER)) && reason.isEmpty()) {
      throw new IllegalArgumentException("reason is required with the ground 'other'");
    }
    if (action == RecordAction.CORRECT && field.isEmpty()) {
      throw new IllegalArgumentException("field is required for a correction of " + recordId);
    }
    if (action == RecordAction.DELETE && !field.isEmpty()) {
      throw new IllegalArgumentException("field is not taken by a deletion of " + recordId);
    }
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** The source of the record (before the first slash of its id). */
  public String source() {
    return recordId.substring(0, recordId.indexOf('/'));
  }

  /** The record's key in its source. */
  public String key() {
    return recordId.substring(recordId.indexOf('/') + 1);
  }

  /** Carry the action out, or refuse it. */
  public enum Verdict {
    CARRY_OUT,
    REFUSE;

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
