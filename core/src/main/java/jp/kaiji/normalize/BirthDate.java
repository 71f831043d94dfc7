package jp.kaiji.normalize;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A birth date resolved strictly from one of the notations used in the group's data.
 *
 * @param date the calendar date
 * @param notation how it was written, kept for the explanation of a match
 */
public record BirthDate(LocalDate date, Notation notation) {
  public BirthDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(notation, "notation");
  }

  /** The comparison key: ISO-8601, e.g. {@code 1975-03-05}. */
  public String key() {
    return date.toString();
  }

  public enum Notation {
    /** 1975-03-05, 1975/3/5, 1975.3.5, 19750305 and their full-width forms. */
    GREGORIAN,
    /** 昭和50年3月5日, S50.3.5, 令和元年… */
    JAPANESE_ERA
  }
}
