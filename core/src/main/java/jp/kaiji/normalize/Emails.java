package jp.kaiji.normalize;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes e-mail addresses into the key that ad platforms also hash.
 *
 * <p>Trimmed (U+3000 included), NFKC (full-width letters and ＠), every inner space removed, a
 * {@code mailto:} prefix and a display name ({@code 山田 <taro@example.jp>}) dropped, and
 * lower-cased: the domain because DNS ignores case, the local part too because the providers the
 * group's customers use ignore it in practice. A domain in Japanese is converted to its ASCII
 * (punycode) form. The local part is kept lenient: old Japanese mobile addresses have dots that RFC
 * 5322 forbids (taro..yamada.@docomo.ne.jp) and they are real.
 *
 * <p>Failures: {@code email.empty}, {@code email.shape}. Never throws; the key is idempotent.
 */
public final class Emails {
  private static final Pattern SHAPE =
      Pattern.compile(
          "[^@\\s<>()\\[\\],;:\"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
  private static final Pattern DISPLAY_NAME = Pattern.compile(".*<([^<>]*)>\\s*");

  private Emails() {}

  public static Normalized<Email> normalize(String input) {
    if (input == null || input.isBlank()) {
      return failed("email.empty", "no e-mail address given");
    }
    String s = Text.clean(input);
    Matcher named = DISPLAY_NAME.matcher(s);
    if (named.matches()) {
      s = named.group(1);
    }
    s = s.replace(" ", "");
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7);
    }
    s = s.toLowerCase(Locale.ROOT);
    int at = s.lastIndexOf('@');
    if (at > 0 && at < s.length() - 1 && !s.substring(at + 1).chars().allMatch(c -> c < 128)) {
      try {
        s = s.substring(0, at + 1) + IDN.toASCII(s.substring(at + 1)).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return failed("email.shape", "the domain is not a valid internationalized domain name");
      }
    }
    if (s.isEmpty() || !SHAPE.matcher(s).matches()) {
      return failed("email.shape", "not the shape of an e-mail address (local@domain.tld)");
    }
    return Normalized.ok(new Email(input, s));
  }

  private static Normalized<Email> failed(String code, String reason) {
    return Normalized.failed(IdentifierKind.EMAIL, code, reason);
  }
}
