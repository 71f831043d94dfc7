package jp.kaiji.normalize;

import java.text.Normalizer;

/** Unicode clean-up shared by the normalizers. */
final class Text {
  private Text() {}

  /** NFKC (full-width ASCII and half-width katakana become standard forms), spaces collapsed. */
  static String nfkcTrim(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }
}
