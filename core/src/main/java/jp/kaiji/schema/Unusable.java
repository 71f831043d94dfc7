package jp.kaiji.schema;

import java.util.Objects;

/**
 * A value on the request form that the search could not use as written. It names the field and why,
 * never the value itself (it is personal data).
 *
 * @param field the request field and the value's position, e.g. {@code phones[1]}
 * @param code a stable code, e.g. {@code phone.invalid}
 * @param reason a human-readable reason, e.g. "not a valid number for its region"
 */
public record Unusable(String field, String code, String reason) {
  public Unusable {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
