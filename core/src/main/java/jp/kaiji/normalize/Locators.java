package jp.kaiji.normalize;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locator values: a store id, an IP address, a time. Each normalizes to one canonical text so that
 * a record and a request written differently agree on the key.
 */
public final class Locators {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
  // 2026-11-20T14:05[:00][.123][+09:00|Z], '/' for '-', a space for 'T'.
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?"
              + "(Z|[+-]\\d{2}:?\\d{2})?");

  private Locators() {}

  /** A store or branch id: NFKC, no spaces, upper case ({@code ｓ０１２} and {@code S012} agree). */
  public static Normalized<String> storeKey(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    if (s.isEmpty()) {
      return Normalized.failed(IdentifierKind.LOCATOR, "store.empty", "no store id");
    }
    return Normalized.ok(s.toUpperCase(Locale.ROOT));
  }

  /** A cookie or device id: NFKC and trimmed; case is kept (ids are case-sensitive). */
  public static Normalized<String> cookieKey(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    return s.isEmpty()
        ? Normalized.failed(IdentifierKind.LOCATOR, "cookie.empty", "no cookie or device id")
        : Normalized.ok(s);
  }

  /** An IP address in canonical text: IPv4 without leading zeros, IPv6 in lower-case RFC 5952. */
  public static Normalized<String> ipKey(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    Matcher m = IPV4.matcher(s);
    if (m.matches()) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i <= 4; i++) {
        int octet = Integer.parseInt(m.group(i));
        if (octet > 255) {
          return Normalized.failed(
              IdentifierKind.LOCATOR, "ip.invalid", "an IPv4 part is above 255");
        }
        out.append(i > 1 ? "." : "").append(octet);
      }
      return Normalized.ok(out.toString());
    }
    if (s.contains(":") && IPV6.matcher(s).matches()) {
      try {
        // A literal: InetAddress parses it without any name lookup.
        return Normalized.ok(canonicalV6(java.net.InetAddress.getByName(s).getAddress()));
      } catch (java.net.UnknownHostException e) {
        return Normalized.failed(IdentifierKind.LOCATOR, "ip.invalid", "not an IPv6 address");
      }
    }
    return Normalized.failed(IdentifierKind.LOCATOR, "ip.invalid", "not an IP address");
  }

  private static String canonicalV6(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
    }
    // The longest run of two or more zero groups becomes '::' (RFC 5952).
    int bestAt = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestAt = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestAt) {
        out.append(i == 0 ? "::" : ":");
        i += bestLen - 1;
        continue;
      }
      out.append(Integer.toHexString(g[i]));
      if (i < 7) {
        out.append(':');
      }
    }
    return out.toString();
  }

  /**
   * A time as epoch seconds: ISO-8601 with or without an offset (without: in {@code zone}), a space
   * or {@code T} between date and time, {@code /} or {@code -} in the date, seconds optional. A
   * date alone is its first second.
   */
  public static Normalized<Long> epochSecond(String raw, ZoneId zone) {
    Matcher m = DATE_TIME.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip());
    if (!m.matches()) {
      return Normalized.failed(
          IdentifierKind.LOCATOR, "time.unreadable", "not a date and time (2026-11-20 14:05)");
    }
    try {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      LocalTime t =
          m.group(4) == null
              ? LocalTime.MIDNIGHT
              : LocalTime.of(
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      LocalDateTime local = LocalDateTime.of(d, t);
      String offset = m.group(7);
      if (offset == null) {
        return Normalized.ok(local.atZone(zone).toEpochSecond());
      }
      String iso =
          offset.equals("Z") || offset.contains(":")
              ? offset
              : offset.substring(0, 3) + ":" + offset.substring(3);
      return Normalized.ok(OffsetDateTime.of(local, java.time.ZoneOffset.of(iso)).toEpochSecond());
    } catch (DateTimeException e) {
      return Normalized.failed(IdentifierKind.LOCATOR, "time.no_such_time", "no such date or time");
    }
  }
}
