package jp.kaiji.normalize;

import java.text.Normalizer;

/** Unicode clean-up shared by the normalizers. */
final class Text {
  private Text() {}

  /** NFKC (full-width ASCII and half-width katakana become standard forms), spaces collapsed. */
  static String nfkcTrim(String s) {
    return clean(s);
  }

  /**
   * NFKC, then invisible characters removed (format characters such as U+200B and U+FEFF, variation
   * selectors of ideographs, unpaired surrogates, controls), every kind of space and line break
   * (U+3000 included) turned into one ASCII space, and the ends stripped.
   *
   * <p>Variation selectors go because an ideographic variation sequence (e.g. 葛 + U+E0100) names a
   * glyph of the same character, never a different name.
   */
  static String clean(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(n.length());
    boolean pendingSpace = false;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (isInvisible(cp)) {
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.CONTROL
        || type == Character.SURROGATE
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** The text without any space. */
  static String noSpaces(String cleaned) {
    return cleaned.replace(" ", "");
  }
}
