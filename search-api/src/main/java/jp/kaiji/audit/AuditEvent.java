package jp.kaiji.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param unusable form values a search could not use, as {@code field:code} (e.g. {@code
 *     phones[1]:phone.invalid}); never the value. Left out of the log line when empty.
 */
public record AuditEvent(
    String actor,
    String role,
    String action,
    Optional<String> requestReference,
    List<String> identifiers,
    Optional<String> target,
    int resultCount,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unusable) {
  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(requestReference, "requestReference");
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(target, "target");
    unusable = unusable == null ? List.of() : List.copyOf(unusable);
  }

  public AuditEvent(
      String actor,
      String role,
      String action,
      Optional<String> requestReference,
      List<String> identifiers,
      Optional<String> target,
      int resultCount) {
    this(actor, role, action, requestReference, identifiers, target, resultCount, List.of());
  }
}
