package jp.kaiji.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is audited about one action on personal data. Identifiers appear only as salted hashes (see
 * {@link IdentifierHasher}), so the audit log itself holds no personal data.
 *
 * @param actor the authenticated caller's name
 * @param role the caller's role
 * @param action e.g. {@code subject.search}, {@code record.view}, {@code index.rebuild}
 * @param requestReference the disclosure request the action was made for, when given
 * @param identifiers salted hashes of the identifiers searched, e.g. {@code phone:1f3a…}
 * @param target what was acted on besides a search, e.g. a record id {@code source/key}
 * @param resultCount how many records were returned
 */
public record AuditEvent(
    String actor,
    String role,
    String action,
    Optional<String> requestReference,
    List<String> identifiers,
    Optional<String> target,
    int resultCount) {
  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(requestReference, "requestReference");
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(target, "target");
  }
}
