package jp.kaiji.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One document the staff checked.
 *
 * @param kind what it is
 * @param photo whether it carries a photo (one photo ID suffices; two are needed without)
 * @param issuedOn its issue date (ISO), when the document shows one
 */
public record IdentityDocument(DocumentKind kind, Boolean photo, Optional<String> issuedOn) {
  public IdentityDocument {
    Objects.requireNonNull(kind, "kind");
    photo = photo != null && photo;
    issuedOn = issuedOn == null ? Optional.empty() : issuedOn;
    issuedOn.ifPresent(d -> Dates.parse("issuedOn", d));
  }

  /** Issued more than 3 months before {@code received}, for a kind that must be recent. */
  boolean staleOn(LocalDate received) {
    return kind.mustBeRecent()
        && issuedOn
            .map(LocalDate::parse)
            .map(d -> d.isBefore(received.minusMonths(3)))
            .orElse(false);
  }

  /** ISO dates with an error naming the field. */
  static final class Dates {
    private Dates() {}

    static LocalDate parse(String field, String value) {
      LocalDate d;
      try {
        d = LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            field + " must be an ISO date (YYYY-MM-DD), got '" + value + "'");
      }
      // Years 0001-9999 only: -0001-01-01 and +10000-01-01 parse, but are no date of a form.
      if (d.getYear() < 1 || d.getYear() > 9999) {
        throw new IllegalArgumentException(
            field + " must be a date in the years 0001-9999, got '" + value + "'");
      }
      return d;
    }
  }
}
