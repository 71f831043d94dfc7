package jp.kaiji.normalize;

import java.util.OptionalInt;

/**
 * Kanji numerals as written in addresses and dates: positional (一九七五) and with multipliers (五十,
 * 二十三, 百五). Values above 9999 are out of scope and give empty.
 */
final class Numerals {
  private static final String DIGITS = "〇一二三四五六七八九";

  private Numerals() {}

  static boolean isKanjiNumeral(char c) {
    return DIGITS.indexOf(c) >= 0 || c == '十' || c == '百' || c == '千' || c == '零';
  }

  /** The value of a run of kanji numerals, or empty if it is not a well-formed number. */
  static OptionalInt parse(String s) {
    if (s.isEmpty() || s.length() > 12) {
      return OptionalInt.empty();
    }
    boolean multiplier = s.chars().anyMatch(c -> c == '十' || c == '百' || c == '千');
    if (!multiplier) {
      int v = 0;
      for (int i = 0; i < s.length(); i++) {
        int d = digit(s.charAt(i));
        if (d < 0 || v > 99_999) {
          return OptionalInt.empty();
        }
        v = v * 10 + d;
      }
      return OptionalInt.of(v);
    }
    int total = 0;
    int pending = -1;
    int lastUnit = Integer.MAX_VALUE;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        if (pending >= 0) {
          return OptionalInt.empty();
        }
        pending = d;
        continue;
      }
      int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
      if (unit < 0 || unit >= lastUnit) {
        return OptionalInt.empty();
      }
      total += (pending < 0 ? 1 : pending) * unit;
      pending = -1;
      lastUnit = unit;
    }
    if (pending >= 0) {
      total += pending;
    }
    return OptionalInt.of(total);
  }

  /** Replaces every run of kanji numerals that forms a number by its Arabic digits. */
  static String toArabic(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (!isKanjiNumeral(s.charAt(i))) {
        out.append(s.charAt(i++));
        continue;
      }
      int j = i;
      while (j < s.length() && isKanjiNumeral(s.charAt(j))) {
        j++;
      }
      String run = s.substring(i, j);
      OptionalInt v = parse(run);
      out.append(v.isPresent() ? Integer.toString(v.getAsInt()) : run);
      i = j;
    }
    return out.toString();
  }

  private static int digit(char c) {
    return c == '零' ? 0 : DIGITS.indexOf(c);
  }
}
