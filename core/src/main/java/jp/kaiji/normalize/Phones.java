package jp.kaiji.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalizes phone numbers with libphonenumber, region JP by default. */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern EXTENSION =
      Pattern.compile("(?:内線|ext\\.?|x|#)\\s*([0-9]{1,6})\\s*$", Pattern.CASE_INSENSITIVE);

  private Phones() {}

  public static Normalized<Phone> normalize(String input) {
    if (input == null || input.isBlank()) {
      return Normalized.failed(IdentifierKind.PHONE, "phone.empty", "no phone number given");
    }
    String s = Text.nfkcTrim(input);
    if (s.regionMatches(true, 0, "tel:", 0, 4)) {
      s = s.substring(4);
    }
    Optional<String> extension = Optional.empty();
    Matcher m = EXTENSION.matcher(s);
    if (m.find()) {
      extension = Optional.of(m.group(1));
      s = s.substring(0, m.start());
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(s, "JP");
    } catch (NumberParseException e) {
      return Normalized.failed(IdentifierKind.PHONE, "phone.unparsable", "not a phone number");
    }
    if (!UTIL.isValidNumber(number)) {
      return Normalized.failed(
          IdentifierKind.PHONE, "phone.invalid", "not a valid number for its region");
    }
    Phone.LineType type =
        switch (UTIL.getNumberType(number)) {
          case MOBILE -> Phone.LineType.MOBILE;
          case FIXED_LINE -> Phone.LineType.FIXED_LINE;
          default -> Phone.LineType.OTHER;
        };
    String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    return Normalized.ok(new Phone(e164, type, extension));
  }
}
