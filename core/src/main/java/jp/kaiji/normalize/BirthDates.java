package jp.kaiji.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses birth dates strictly, in Gregorian and Japanese-era notations. */
public final class BirthDates {
  private static final Pattern GREGORIAN =
      Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  private BirthDates() {}

  public static Normalized<BirthDate> parse(String input) {
    if (input == null || input.isBlank()) {
      return Normalized.failed(IdentifierKind.BIRTH_DATE, "date.empty", "no birth date given");
    }
    String s = Text.nfkcTrim(input).replace(" ", "");
    Matcher m = GREGORIAN.matcher(s);
    if (!m.matches()) {
      m = COMPACT.matcher(s);
    }
    if (!m.matches()) {
      return Normalized.failed(
          IdentifierKind.BIRTH_DATE, "date.unrecognized", "not a date notation Kaiji reads");
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return Normalized.ok(new BirthDate(date, BirthDate.Notation.GREGORIAN));
    } catch (DateTimeException e) {
      return Normalized.failed(IdentifierKind.BIRTH_DATE, "date.no_such_day", "no such day");
    }
  }
}
