package jp.kaiji.schema;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One locator of a request, normalized: a key in one locator field and, for timed locators, the
 * window of epoch seconds (both edges included) the record's interval must touch.
 *
 * @param kind what the requester gave
 * @param field the index field of the key ({@link IndexSchema#LOC_STORE} …)
 * @param value the normalized key
 * @param from the window's first second, when timed
 * @param to the window's last second, when timed
 * @param form where on the form it was given, e.g. {@code locators.visits[0]}
 */
public record LocatorTerm(
    Kind kind, String field, String value, OptionalLong from, OptionalLong to, String form) {

  /** What kind of locator the requester gave. */
  public enum Kind {
    VISIT,
    CALL,
    COOKIE,
    IP;

    /** The catalogue's word for it ({@code visit}, {@code call}, {@code cookie}, {@code ip}). */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public LocatorTerm {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(form, "form");
    if (from.isPresent() != to.isPresent()) {
      throw new IllegalArgumentException("a window has both edges or none");
    }
  }

  public boolean timed() {
    return from.isPresent();
  }
}
