package jp.kaiji.normalize;

import java.text.Normalizer;
import java.util.Locale;

/** Numbers the group issues (member, customer, employee numbers), as keys within their scheme. */
public final class IssuedIds {
  private IssuedIds() {}

  /**
   * The key of a number the group issued within its scheme: NFKC, upper case, without spaces and
   * hyphens ({@code rg-0000 74} and {@code RG000074} are one member number).
   */
  public static Normalized<String> normalize(String scheme, String written) {
    String v =
        Normalizer.normalize(written, Normalizer.Form.NFKC)
            .toUpperCase(Locale.ROOT)
            .replaceAll("[\\s\\-‐－ー]", "");
    if (v.isEmpty() || scheme == null || scheme.isBlank()) {
      return Normalized.failed(
          IdentifierKind.ISSUED_ID,
          "issued_id.empty",
          "an issued number needs a scheme and a value");
    }
    return Normalized.ok(scheme.strip() + ":" + v);
  }
}
