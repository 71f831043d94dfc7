package jp.kaiji.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseEra;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses birth dates strictly, in Gregorian and Japanese-era notations.
 *
 * <p>Read: 1975-03-05, 1975/3/5, 1975.3.5, 19750305, 1975年3月5日; 昭和50年3月5日, 昭50.3.5, S50.3.5,
 * S50/3/5, H1.1.8, 平成元年1月8日, R1.5.1 and the other eras back to 明治 (M/T/S/H/R); full-width digits
 * and kanji numerals (昭和五十年三月五日, 一九七五年三月五日); a trailing 生 or 生まれ. Era dates are resolved by {@link
 * JapaneseChronology} with {@link ResolverStyle#STRICT}.
 *
 * <p>Failures: {@code date.empty}; {@code date.unrecognized}; {@code date.no_such_day}
 * (昭和50年2月30日); {@code date.outside_era} (昭和64年1月8日, 平成31年5月1日: the era had ended); {@code
 * date.out_of_range} (before 明治6年1月1日, when Japan took up the Gregorian calendar); {@code
 * date.in_future}; {@code date.ambiguous} for a two-digit year without an era (75/3/5), six digits
 * (750305) and day-month-year orders, which cannot be read without guessing.
 */
public final class BirthDates {
  /** 明治6年1月1日: Japan's first day of the Gregorian calendar and of JapaneseChronology. */
  public static final LocalDate EARLIEST = LocalDate.of(1873, 1, 1);

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final Pattern GREGORIAN =
      Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern ERA =
      Pattern.compile(
          "(明治|大正|昭和|平成|令和|明|大|昭|平|令|[MTSHRmtshr])\\.?(\\d{1,2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
  private static final Pattern SHORT_YEAR = Pattern.compile("\\d{2}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?");
  private static final Pattern BORN = Pattern.compile("(生まれ|生)$");
  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
  private static final Pattern DAY_FIRST = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}");

  private BirthDates() {}

  /** Parses against today's date in Japan (a birth date in the future is an error). */
  public static Normalized<BirthDate> parse(String input) {
    LocalDate today = LocalDate.now(JAPAN);
    if (input == null) {
      return parse(input, today);
    }
    Day d = day;
    if (!d.today().equals(today)) {
      d = new Day(today, new Memo<>(1 << 16));
      day = d;
    }
    return d.memo().get(input, in -> parse(in, today));
  }

  /** Dates recur (birth dates per person, record dates per day); the answer depends on today. */
  private record Day(LocalDate today, Memo<String, Normalized<BirthDate>> memo) {}

  private static volatile Day day = new Day(LocalDate.MIN, new Memo<>(1));

  /** Parses with an explicit "today", for reproducible tests and batch runs. */
  public static Normalized<BirthDate> parse(String input, LocalDate today) {
    if (input == null || input.isBlank()) {
      return failed("date.empty", "no birth date given");
    }
    String s = Text.noSpaces(Text.clean(input));
    s = BORN.matcher(s).replaceFirst("");
    s = Numerals.toArabic(s.replace("元年", "1年"));
    Matcher m = ERA.matcher(s);
    if (m.matches()) {
      return era(m, today);
    }
    m = GREGORIAN.matcher(s);
    if (!m.matches()) {
      m = COMPACT.matcher(s);
    }
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      int mo = Integer.parseInt(m.group(2));
      int d = Integer.parseInt(m.group(3));
      LocalDate date;
      try {
        date = LocalDate.of(y, mo, d);
      } catch (DateTimeException e) {
        return failed("date.no_such_day", "no such day in the Gregorian calendar");
      }
      return checked(date, BirthDate.Notation.GREGORIAN, today);
    }
    if (SHORT_YEAR.matcher(s).matches()) {
      return failed(
          "date.ambiguous", "a two-digit year without an era could be 19xx, 20xx or an era year");
    }
    if (SIX_DIGITS.matcher(s).matches()) {
      return failed(
          "date.ambiguous",
          "six digits could be YYMMDD or an era year; write the full year or the era");
    }
    if (DAY_FIRST.matcher(s).matches()) {
      return failed("date.ambiguous", "day-month-year and month-day-year cannot be told apart");
    }
    return failed("date.unrecognized", "not a date notation Kaiji reads");
  }

  /**
   * The eight digits {@code yyyyMMdd} of a date written in a notation Kaiji reads whose day does
   * not exist (19381131, 1938-02-30, 昭和13年2月30日 → {@code 19380230}); empty for anything else. Such
   * a date is a slip of one digit or a swap of month and day more often than nothing: matching uses
   * it as a near miss, never as an exact key.
   */
  public static Optional<String> nearMissDigits(String input) {
    if (input == null
        || !(parse(input) instanceof Normalized.Failed<BirthDate>(var f))
        || !f.code().equals("date.no_such_day")) {
      return Optional.empty();
    }
    String s = BORN.matcher(Text.noSpaces(Text.clean(input))).replaceFirst("");
    s = Numerals.toArabic(s.replace("元年", "1年"));
    int y;
    int mo;
    int d;
    Matcher m = ERA.matcher(s);
    if (m.matches()) {
      y = startYear(eraOf(m.group(1))) + Integer.parseInt(m.group(2)) - 1;
      mo = Integer.parseInt(m.group(3));
      d = Integer.parseInt(m.group(4));
    } else {
      m = GREGORIAN.matcher(s);
      if (!m.matches()) {
        m = COMPACT.matcher(s);
      }
      if (!m.matches()) {
        return Optional.empty();
      }
      y = Integer.parseInt(m.group(1));
      mo = Integer.parseInt(m.group(2));
      d = Integer.parseInt(m.group(3));
    }
    return Optional.of(String.format(Locale.ROOT, "%04d%02d%02d", y, mo, d));
  }

  private static Normalized<BirthDate> era(Matcher m, LocalDate today) {
    JapaneseEra era = eraOf(m.group(1));
    int yearOfEra = Integer.parseInt(m.group(2));
    int month = Integer.parseInt(m.group(3));
    int day = Integer.parseInt(m.group(4));
    if (yearOfEra < 1) {
      return failed("date.outside_era", "an era year starts at 1 (元年)");
    }
    int gregorianYear = startYear(era) + yearOfEra - 1;
    LocalDate candidate;
    try {
      candidate = LocalDate.of(gregorianYear, month, day);
    } catch (DateTimeException e) {
      return failed("date.no_such_day", "no such day in that year");
    }
    if (candidate.isBefore(EARLIEST)) {
      return failed(
          "date.out_of_range", "before 明治6年 (1873), when Japan took up the Gregorian calendar");
    }
    Map<TemporalField, Long> fields = new HashMap<>();
    fields.put(ChronoField.ERA, (long) era.getValue());
    fields.put(ChronoField.YEAR_OF_ERA, (long) yearOfEra);
    fields.put(ChronoField.MONTH_OF_YEAR, (long) month);
    fields.put(ChronoField.DAY_OF_MONTH, (long) day);
    try {
      LocalDate date =
          LocalDate.from(JapaneseChronology.INSTANCE.resolveDate(fields, ResolverStyle.STRICT));
      return checked(date, BirthDate.Notation.JAPANESE_ERA, today);
    } catch (DateTimeException e) {
      return failed("date.outside_era", "the date is not within the era " + era);
    }
  }

  private static int startYear(JapaneseEra era) {
    // The Gregorian year in which the era's year 1 falls; the chronology checks the exact day.
    return switch (era.getValue()) {
      case -1 -> 1868;
      case 0 -> 1912;
      case 1 -> 1926;
      case 2 -> 1989;
      default -> 2019;
    };
  }

  private static JapaneseEra eraOf(String name) {
    return switch (Character.toUpperCase(name.charAt(0))) {
      case '明', 'M' -> JapaneseEra.MEIJI;
      case '大', 'T' -> JapaneseEra.TAISHO;
      case '昭', 'S' -> JapaneseEra.SHOWA;
      case '平', 'H' -> JapaneseEra.HEISEI;
      default -> JapaneseEra.REIWA;
    };
  }

  private static Normalized<BirthDate> checked(
      LocalDate date, BirthDate.Notation notation, LocalDate today) {
    if (date.isBefore(EARLIEST)) {
      return failed("date.out_of_range", "before 1873, when Japan took up the Gregorian calendar");
    }
    if (date.isAfter(today)) {
      return failed("date.in_future", "a birth date cannot be in the future");
    }
    return Normalized.ok(new BirthDate(date, notation));
  }

  private static Normalized<BirthDate> failed(String code, String reason) {
    return Normalized.failed(IdentifierKind.BIRTH_DATE, code, reason);
  }
}
