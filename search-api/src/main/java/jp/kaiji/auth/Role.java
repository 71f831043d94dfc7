package jp.kaiji.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a caller may do. Roles do not nest: an admin rebuilds indexes but does not search people.
 */
public enum Role {
  /** Compliance staff: subject search and record views. */
  STAFF,
  /** Automated export of disclosure packages. */
  EXPORTER,
  /** Index rebuilds, rollbacks and index status; never personal data. */
  ADMIN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role fromId(String id) {
    for (Role r : values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + id + "'; expected staff, exporter or admin");
  }
}
