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
  // The same number written internationally: +81, the domestic 0 dropped (or kept as +81(0)).
  private static final Pattern INTERNATIONAL = Pattern.compile("\\+810?([1-9][0-9]{8,9})");
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
   * separators and brackets are gone, e.g. {@code 073(309)2424}, or the same after +81 instead of
   * the 0, e.g. {@code +81 84 233 2094}) that libphonenumber does not know is still kept, in its
   * +81 form, as {@link Phone#verified() unverified}: the number is what the person wrote and what
   * other records hold, only its line type is unknown. Failures otherwise as {@link #normalize}.
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
    Matcher international = INTERNATIONAL.matcher(digits);
    String national;
    if (DOMESTIC.matcher(digits).matches()) {
      national = digits.substring(1);
    } else if (international.matches()) {
      national = international.group(1);
    } else {
      return strict;
    }
    return Normalized.ok(new Phone("+81" + national, Phone.LineType.OTHER, c.extension(), false));
  }

  /**
   * The common case, about 15 times cheaper than {@link #slowPath}: a valid Japanese number of
   * plain shape. Domestic: 0, then 9 or 10 digits ({@code 090-1234-5678}, {@code 0312345678},
   * {@code 080(5941)2589}, {@code (052)768-7646}, {@code ０９０－１２３４－５６７８}); or international: {@code
   * +81}, then 9 or 10 digits not starting with 0 ({@code +81 90 8472 9474}). Digits may be
   * full-width; single dashes (any the slow path reads as one) or spaces may stand between digits,
   * and one pair of brackets around digits (not in the international form). For such text the slow
   * path's cleaning leaves ASCII digits, dashes, spaces and brackets, and libphonenumber's parse
   * gives country code 81 and the digits after the 0 or the +81, so only the number type is asked.
   * Returns null for anything else (and for an invalid number, so that the slow path words the
   * failure): the slow path decides those. {@code PhoneFastPathProperties} checks the agreement on
   * random numbers.
   */
  static Normalized<Phone> fastPath(String input) {
    if (input == null) {
      return null;
    }
    int n = input.length();
    if (n < 10 || n > 24) {
      return null;
    }
    boolean international = input.startsWith("+81");
    int i = international ? 3 : 0;
    long national = 0;
    int digits = 0; // after the leading 0, or after +81
    boolean zero = false; // the domestic leading 0 was read
    boolean separated = true; // nothing may follow "+81" or the start but a digit, space or dash
    boolean open = false;
    boolean bracketed = false;
    char previous = international ? '+' : 0;
    for (; i < n; i++) {
      char ch = input.charAt(i);
      int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= '０' && ch <= '９' ? ch - '０' : -1;
      if (d >= 0) {
        if (!international && !zero) {
          if (d != 0) {
            return null;
          }
          zero = true;
        } else {
          // 0 is no area code; "010" is Japan's international prefix, read as such.
          if ((digits == 0 && d == 0)
              || (!international && digits == 1 && d == 0 && national == 1)) {
            return null;
          }
          national = national * 10 + d;
          digits++;
        }
        separated = false;
        previous = '9';
      } else if (isDash(ch) || ch == ' ' || ch == '\u3000') {
        // One separator at a time, between digits (or right after +81).
        if (previous != '9' && previous != '+') {
          return null;
        }
        separated = true;
        previous = '-';
      } else if ((ch == '(' || ch == '（') && !international && !bracketed) {
        if (previous != 0 && previous != '9') {
          return null;
        }
        open = true;
        bracketed = true;
        previous = '(';
      } else if ((ch == ')' || ch == '）') && open && previous == '9') {
        open = false;
        previous = ')';
      } else {
        return null;
      }
    }
    if (separated || open || previous != '9' || digits < 9 || digits > 10) {
      return null;
    }
    PhoneNumberUtil.PhoneNumberType numberType =
        UTIL.getNumberType(new PhoneNumber().setCountryCode(81).setNationalNumber(national));
    if (numberType == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
      return null;
    }
    return Normalized.ok(new Phone("+81" + national, lineType(numberType), Optional.empty()));
  }

  // What the slow path reads as a dash: DASHES, '-', and what NFKC turns into one of them.
  private static boolean isDash(char ch) {
    return ch == '-' || ch == '－' || "‐‑‒–—―−ー~〜".indexOf(ch) >= 0;
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
