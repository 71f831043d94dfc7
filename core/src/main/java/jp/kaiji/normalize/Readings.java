package jp.kaiji.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Normalizes name readings (フリガナ) to full-width katakana.
 *
 * <p>NFKC turns half-width katakana into full-width; hiragana is shifted to katakana; ・ and ＝
 * (foreign names) are dropped; spaces are removed from the key and, when exactly one space
 * separates two parts, split family from given. The {@link Reading#looseKey() loose key} further
 * folds what people write differently for the same sound: ー is removed, small kana become large
 * (ッ→ツ, ョ→ヨ), ヴ→ブ, ヂ→ジ, ヅ→ズ, ヲ→オ, ヰ→イ, ヱ→エ, and a vowel kana that only lengthens the one before it
 * is dropped: the same vowel (オオノ, ユウコ) and also ウ after an o-sound and イ after an e-sound, the
 * usual spelling of long ō and ē (サトウ/サトー/サト, ケイコ/ケーコ). The loose key is deliberately coarse: it is
 * for fuzzy agreement only.
 *
 * <p>Readings are never derived from kanji here: a reading guessed by a dictionary is right for
 * given names only about one time in five, so the source's own フリガナ is preferred and no kuromoji
 * dependency is taken. {@link Reading#derived()} is therefore always false.
 *
 * <p>Failures: {@code reading.empty}, {@code reading.not_kana} (kanji, Latin, digits or other
 * symbols). Never throws; key and loose key are idempotent.
 */
public final class Readings {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

  private static final String SMALL = "ァィゥェォッャュョヮヵヶヰヱヲヴヂヅ";
  private static final String LARGE = "アイウエオツヤユヨワカケイエオブジズ";

  private Readings() {}

  /** A reading as written by the person or the source. */
  public static Normalized<Reading> normalize(String reading) {
    if (reading == null || reading.isBlank()) {
      return Normalized.failed(IdentifierKind.READING, "reading.empty", "no reading given");
    }
    String s = Text.clean(reading);
    StringBuilder kata = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'ぁ' && c <= 'ゖ' || c == 'ゝ' || c == 'ゞ') {
        kata.append((char) (c + 0x60));
      } else if (c >= 'ァ' && c <= 'ヺ' || c == 'ー' || c == 'ヽ' || c == 'ヾ' || c == ' ') {
        kata.append(c);
      } else if (c == '・' || c == '=' || c == '゠') {
        kata.append(' ');
      } else {
        return Normalized.failed(
            IdentifierKind.READING, "reading.not_kana", "a reading is written in kana only");
      }
    }
    String spaced = SPACES.matcher(kata.toString().strip()).replaceAll(" ");
    String key = spaced.replace(" ", "");
    if (key.isEmpty()) {
      return Normalized.failed(IdentifierKind.READING, "reading.empty", "no kana in the reading");
    }
    List<String> parts = Arrays.asList(spaced.split(" "));
    boolean split = parts.size() == 2 && s.indexOf('・') < 0 && s.indexOf('=') < 0;
    return Normalized.ok(
        new Reading(
            key,
            loose(key),
            split ? Optional.of(parts.get(0)) : Optional.empty(),
            split ? Optional.of(parts.get(1)) : Optional.empty(),
            false));
  }

  /** The loose key of a katakana key; see the class comment. */
  static String loose(String key) {
    StringBuilder out = new StringBuilder(key.length());
    char lastVowel = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      int small = SMALL.indexOf(c);
      if (small >= 0) {
        c = LARGE.charAt(small);
      }
      if (c == 'ー') {
        continue;
      }
      char v = vowelOf(c);
      if (isVowelKana(c) && lengthens(lastVowel, v)) {
        continue;
      }
      out.append(c);
      lastVowel = v;
    }
    return out.isEmpty() ? key : out.toString();
  }

  private static boolean lengthens(char previous, char vowel) {
    return previous != 0
        && (previous == vowel
            || previous == 'o' && vowel == 'u'
            || previous == 'e' && vowel == 'i');
  }

  private static boolean isVowelKana(char c) {
    return c == 'ア' || c == 'イ' || c == 'ウ' || c == 'エ' || c == 'オ';
  }

  /** The vowel a katakana ends in, or 0 for ン, ー and others without one. */
  private static char vowelOf(char c) {
    String a = "アカガサザタダナハバパマヤラワ";
    String i = "イキギシジチヂニヒビピミリ";
    String u = "ウクグスズツヅヌフブプムユルヴ";
    String e = "エケゲセゼテデネヘベペメレ";
    String o = "オコゴソゾトドノホボポモヨロヲ";
    if (a.indexOf(c) >= 0) return 'a';
    if (i.indexOf(c) >= 0) return 'i';
    if (u.indexOf(c) >= 0) return 'u';
    if (e.indexOf(c) >= 0) return 'e';
    if (o.indexOf(c) >= 0) return 'o';
    return 0;
  }

  /** True for a non-empty string of kana only (katakana, hiragana, the long-vowel mark, spaces). */
  public static boolean isKana(String s) {
    return !s.isBlank()
        && s.codePoints()
            .allMatch(
                c ->
                    (c >= 0x3041 && c <= 0x309F)
                        || (c >= 0x30A0 && c <= 0x30FF)
                        || (c >= 0xFF66 && c <= 0xFF9F)
                        || c == ' '
                        || c == 0x3000);
  }
}
