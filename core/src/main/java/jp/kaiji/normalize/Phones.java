package jp.kaiji.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes phone numbers with libphonenumber, region JP by default, into E.164.
 *
 * <p>Accepted around the number: full-width digits and brackets, {@code tel:}, +81 or 0081 (written
 * from habit abroad; Japan's own international prefix is 010), "(0)" after the country code, dashes
 * of every width (‐ − ― ー), and notes in brackets without digits such as (代表) or (携帯). An extension
 * at the end (内線123, 内123, (内)123, ext. 12, ext12, x12, #12, （内線12）) is kept in {@link
 * Phone#extension()} and is not part of the key.
 *
 * <p>Anything else around the digits (letters, a second number, words) is a failure rather than a
 * guess: a wrong key would match another person. Failures: {@code phone.empty}, {@code
 * phone.unparsable}, {@code phone.invalid} (libphonenumber rejects the number for its region). Line
 * types: 070/080/090 are {@code MOBILE}; 050 (IP), 0120/0800 (toll-free), 0570 and pagers are
 * {@code OTHER}. Never throws; the E.164 key is idempotent.
 */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  // (内)418 closes its bracket before the digits, (内線418) after them.
  private static final Pattern EXTENSION =
      Pattern.compile(
          "[(\\[]?\\s*(?:内線|内|ext\\.?|extension|x|#)\\s*[)\\]]?\\s*[:.]?\\s*([0-9]{1,6})\\s*[)\\]]?\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
  private static final Pattern DOMESTIC = Pattern.compile("0[1-9][0-9]{8,9}");
  private static final Pattern NOTE = Pattern.compile("[(\\[][^()\\[\\]0-9]*[)\\]]");
  private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―−ー－~〜]");
  private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9(][0-9 ().\\-]{5,30}");
  private static final Pattern PLUS81_ZERO = Pattern.compile("^\\+\\s*81\\s*\\(0\\)");
  private static final Pattern INTERNATIONAL_00 = Pattern.compile("^00(?!0)");

  private Phones() {}

  public static Normalized<Phone> normalize(String input) {
    Normalized<Phone> fast = fastPath(input);
    return fast != null ? fast : slowPath(input);
  }

  /** {@link #normalize} without the fast path: what the fast path must agree with. */
  static Normalized<Phone> slowPath(String input) {
    if (input == null || input.isBlank()) {
      return failed("phone.empty", "no phone number given");
    }
    Cleaned c = clean(input);
    return strict(c.number(), c.extension());
  }

  /**
   * Like {@link #normalize}, but a number of Japanese domestic shape (0 and 9–10 digits once
   * separators and brackets are gone, e.g. {@code 073(309)2424}) that libphonenumber does not know
   * is still kept, in its +81 form, as {@link Phone#verified() unverified}: the number is what the
   * person wrote and what other records hold, only its line type is unknown. Failures otherwise as
   * {@link #normalize}.
   */
  public static Normalized<Phone> lenient(String input) {
    Normalized<Phone> fast = fastPath(input);
    return fast != null ? fast : lenientSlowPath(input);
  }

  /** {@link #lenient} without the fast path. */
  static Normalized<Phone> lenientSlowPath(String input) {
    if (input == null || input.isBlank()) {
      return failed("phone.empty", "no phone number given");
    }
    Cleaned c = clean(input);
    Normalized<Phone> strict = strict(c.number(), c.extension());
    if (strict.isOk()) {
      return strict;
    }
    String digits = SEPARATORS.matcher(c.number()).replaceAll("");
    if (!DOMESTIC.matcher(digits).matches()) {
      return strict;
    }
    return Normalized.ok(
        new Phone("+81" + digits.substring(1), Phone.LineType.OTHER, c.extension(), false));
  }

  /**
   * The common case, about 15 times cheaper than {@link #slowPath}: a valid Japanese domestic
   * number written as ASCII digits with at most single dashes between them ({@code 090-1234-5678},
   * {@code 0312345678}). For such text libphonenumber's parse gives country code 81 and the digits
   * after the leading 0, so only the number type is asked. Returns null for anything else (and for
   * an invalid number, so that the slow path words the failure): the slow path decides those.
   * {@code PhoneFastPathProperties} checks the agreement on random numbers.
   */
  static Normalized<Phone> fastPath(String input) {
    if (input == null) {
      return null;
    }
    int n = input.length();
    if (n < 10 || n > 16) {
      return null;
    }
    long national = 0;
    int digits = 0;
    boolean afterDash = true; // no dash first, none doubled
    for (int i = 0; i < n; i++) {
      char ch = input.charAt(i);
      if (ch >= '0' && ch <= '9') {
        // 0, then 1-9; "010" is Japan's international prefix, which libphonenumber reads as such.
        if ((digits == 0 && ch != '0')
            || (digits == 1 && ch == '0')
            || (digits == 2 && ch == '0' && national == 1)) {
          return null;
        }
        if (digits > 0) {
          national = national * 10 + (ch - '0');
        }
        digits++;
        afterDash = false;
      } else if (ch == '-' && !afterDash) {
        afterDash = true;
      } else {
        return null;
      }
    }
    if (afterDash || digits < 10 || digits > 11) {
      return null;
    }
    PhoneNumberUtil.PhoneNumberType numberType =
        UTIL.getNumberType(new PhoneNumber().setCountryCode(81).setNationalNumber(national));
    if (numberType == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
      return null;
    }
    return Normalized.ok(new Phone("+81" + national, lineType(numberType), Optional.empty()));
  }

  private static Phone.LineType lineType(PhoneNumberUtil.PhoneNumberType numberType) {
    return switch (numberType) {
      case MOBILE -> Phone.LineType.MOBILE;
      case FIXED_LINE -> Phone.LineType.FIXED_LINE;
      default -> Phone.LineType.OTHER;
    };
  }

  /** The number part and the extension split off; nothing validated yet. */
  private record Cleaned(String number, Optional<String> extension) {}

  private static Cleaned clean(String input) {
    String s = Text.clean(input);
    if (s.regionMatches(true, 0, "tel:", 0, 4)) {
      s = s.substring(4).strip();
    }
    s = DASHES.matcher(s).replaceAll("-");
    Optional<String> extension = Optional.empty();
    Matcher m = EXTENSION.matcher(s);
    if (m.find() && m.start() > 0) {
      extension = Optional.of(m.group(1));
      s = s.substring(0, m.start());
    }
    s = NOTE.matcher(s).replaceAll(" ").strip();
    s = PLUS81_ZERO.matcher(s).replaceFirst("+81 ");
    s = INTERNATIONAL_00.matcher(s).replaceFirst("+");
    return new Cleaned(s, extension);
  }

  private static Normalized<Phone> strict(String s, Optional<String> extension) {
    if (!ALLOWED.matcher(s).matches()) {
      return failed(
          "phone.unparsable",
          "not a phone number: only digits, spaces, brackets, dashes and + are read");
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(s, "JP");
    } catch (NumberParseException e) {
      return failed("phone.unparsable", "not a phone number (" + e.getErrorType() + ")");
    }
    // getNumberType is UNKNOWN exactly when isValidNumber is false (both match the national
    // number against the region's patterns); asking once halves that work.
    PhoneNumberUtil.PhoneNumberType numberType = UTIL.getNumberType(number);
    if (numberType == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
      return failed("phone.invalid", "not a valid number for its region");
    }
    Phone.LineType type = lineType(numberType);
    String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    return Normalized.ok(new Phone(e164, type, extension));
  }

  private static Normalized<Phone> failed(String code, String reason) {
    return Normalized.failed(IdentifierKind.PHONE, code, reason);
  }
}
