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
  ADMIN,
  /**
   * A source owner of one company: sees and confirms that company's work orders (correction,
   * deletion, stop of use or provision), nothing else.
   */
  OWNER;

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
        "unknown role '" + id + "'; expected staff, exporter, admin or owner");
  }
}
