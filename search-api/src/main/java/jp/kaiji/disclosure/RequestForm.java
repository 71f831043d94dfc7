package jp.kaiji.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;

/**
 * A disclosure request as the staff enter it from the group's paper form. Validates itself:
 * messages start with the field name.
 *
 * @param reference the request's reference number (letters, digits, '.', '_', '-')
 * @param receivedOn the day the request arrived (ISO date); the package's dates come from it
 * @param requesterKind 本人, 任意代理人 or 法定代理人
 * @param agent the agent's details; required exactly when the requester is not the person
 * @param documents the identity documents checked
 * @param actions what is asked; at least one
 * @param feePaid whether the 1,500 yen fee was received (meaningful only when it applies; absent =
 *     no)
 * @param delivery electronic or paper answer
 * @param dueOn the answer's due date the staff set (ISO date, not before receipt)
 * @param subject the identifiers written on the form, searched for this request
 */
public record RequestForm(
    String reference,
    String receivedOn,
    RequesterKind requesterKind,
    Optional<Agent> agent,
    List<IdentityDocument> documents,
    List<RequestedAction> actions,
    Boolean feePaid,
    Delivery delivery,
    String dueOn,
    SubjectQuery subject) {

  public RequestForm {
    Objects.requireNonNull(reference, "reference");
    if (!reference.matches("[A-Za-z0-9._-]{1,64}") || reference.startsWith(".")) {
      throw new IllegalArgumentException(
          "reference must be 1-64 letters, digits, '.', '_' or '-' (not starting with '.')");
    }
    Objects.requireNonNull(receivedOn, "receivedOn");
    Objects.requireNonNull(requesterKind, "requesterKind");
    agent = agent == null ? Optional.empty() : agent;
    feePaid = feePaid != null && feePaid;
    documents = documents == null ? List.of() : List.copyOf(documents);
    actions = actions == null ? List.of() : List.copyOf(actions);
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(dueOn, "dueOn");
    Objects.requireNonNull(subject, "subject");
    LocalDate received = IdentityDocument.Dates.parse("receivedOn", receivedOn);
    LocalDate due = IdentityDocument.Dates.parse("dueOn", dueOn);
    if (due.isBefore(received)) {
      throw new IllegalArgumentException("dueOn must not be before receivedOn");
    }
    if (actions.isEmpty()) {
      throw new IllegalArgumentException(
          "actions must name at least one of purpose_notification, disclosure, correction, stop_use, stop_third_party_provision");
    }
    if (actions.stream().distinct().count() != actions.size()) {
      throw new IllegalArgumentException("actions must not repeat an action");
    }
    if ((requesterKind == RequesterKind.PERSON) != agent.isEmpty()) {
      throw new IllegalArgumentException(
          "agent is required for an agent or legal representative and must be absent for the person");
    }
  }

  LocalDate receivedDate() {
    return LocalDate.parse(receivedOn);
  }

  LocalDate dueDate() {
    return LocalDate.parse(dueOn);
  }

  /** The fee due: 1,500 yen when purpose notification or disclosure is asked, else nothing. */
  public int feeYen() {
    return actions.stream().anyMatch(RequestedAction::charged) ? RequestedAction.FEE_YEN : 0;
  }
}
