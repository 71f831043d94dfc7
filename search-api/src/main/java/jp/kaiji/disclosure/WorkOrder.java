package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One order to one company's owner of one source: the records (by key) and what to do to each, the
 * due date, and the owner's answer. Kaiji does not write to the group's sources; the owner does and
 * confirms, then Kaiji re-reads the source and checks ({@link Status#VERIFIED} or {@link
 * Status#DIFFERS} with the differences).
 *
 * @param id {@code WO-000001}
 * @param items frozen when the order was issued: what the owner was asked, old values included
 * @param ownerReason the owner's reason for a refusal, or their note
 * @param differences what the last check found not done, one line each (never a value)
 */
public record WorkOrder(
    String id,
    String reference,
    String company,
    String source,
    String dueOn,
    String issuedAt,
    String issuedBy,
    List<Item> items,
    Status status,
    String ownerReason,
    Optional<String> answeredBy,
    Optional<String> answeredAt,
    Optional<String> checkedAt,
    List<String> differences) {

  public WorkOrder {
    Objects.requireNonNull(id, "id");
    items = List.copyOf(items);
    differences = differences == null ? List.of() : List.copyOf(differences);
    answeredBy = answeredBy == null ? Optional.empty() : answeredBy;
    answeredAt = answeredAt == null ? Optional.empty() : answeredAt;
    checkedAt = checkedAt == null ? Optional.empty() : checkedAt;
  }

  /**
   * One thing to do to one record.
   *
   * @param oldValue the field's value in the stored search result (empty for a deletion)
   */
  public record Item(
      String recordId,
      String key,
      RecordAction action,
      String field,
      String oldValue,
      String newValue) {}

  /** Whether the owner still owes the work after the due date. */
  public boolean overdue(LocalDate today) {
    return (status == Status.SENT || status == Status.DIFFERS)
        && LocalDate.parse(dueOn).isBefore(today);
  }

  /** Where the order stands. */
  public enum Status {
    /** Issued to the owner (exported for them, visible to them). */
    SENT("送付済み"),
    /** The owner says it is done; Kaiji has not checked yet. */
    DONE("完了報告済み"),
    /** The owner refuses, with a reason. */
    REFUSED("所管部門が不実施"),
    /** Kaiji re-read the source and found every item done. */
    VERIFIED("確認済み"),
    /** Kaiji re-read the source and found items not done: back to the owner. */
    DIFFERS("相違あり");

    private final String japanese;

    Status(String japanese) {
      this.japanese = japanese;
    }

    public String japanese() {
      return japanese;
    }

    @JsonValue
    public String id() {
      return Ids.id(this);
    }

    @JsonCreator
    public static Status fromId(String id) {
      return Ids.fromId(Status.class, "status", id);
    }
  }
}
