package jp.kaiji.normalize;

/**
 * Folds the spellings of one place name onto one matching form, for the {@link AddressGazetteer}
 * only: keys keep the directory's own spelling.
 *
 * <p>Between two kanji, ヶ ケ ヵ が (東恋ヶ窪, 東恋ケ窪, 東恋が窪) become ケ, の and ノ (丸の内, 丸ノ内) become ノ, and つ ツ
 * (一ツ橋, 一つ橋) become ツ; outside kanji these kana are words of their own and stay, except ヶ and ヵ,
 * which become ケ after any kanji. Variant kanji fold to their standard form through {@link
 * KanjiVariants#forPlaces()} (莵→菟, 彌→弥, 巿→市, 嶋→島). The fold keeps the length in chars, so that
 * positions in the folded text are positions in the text.
 */
final class PlaceNames {
  private PlaceNames() {}

  static String fold(String s) {
    KanjiVariants variants = KanjiVariants.forPlaces();
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (Character.isSurrogate(c)) {
        continue;
      }
      int std = variants.standardOf(c);
      if (std != c && Character.isBmpCodePoint(std)) {
        out[i] = (char) std;
        continue;
      }
      char linked = linking(c);
      boolean afterKanji = i > 0 && isKanji(s, i - 1);
      boolean beforeKanji = i + 1 < s.length() && isKanji(s, i + 1);
      // ヶ and ヵ are never words of their own: a town name may end with one (西郷山三ヶ) and the
      // address go on with anything, a kanji (字西原) or a number, and the fold must not differ.
      boolean smallKe = c == 'ヶ' || c == 'ヵ';
      if (linked != c && afterKanji && (beforeKanji || smallKe)) {
        out[i] = linked;
      }
    }
    return new String(out);
  }

  /** The one form of a kana that links two kanji of a name, or the char itself. */
  private static char linking(char c) {
    return switch (c) {
      case 'ヶ', 'ヵ', 'が' -> 'ケ';
      case 'の' -> 'ノ';
      case 'つ' -> 'ツ';
      default -> c;
    };
  }

  private static boolean isKanji(String s, int i) {
    char c = s.charAt(i);
    return c == '々' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
