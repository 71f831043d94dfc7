package jp.kaiji.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Numbers the group issues (member, customer, employee numbers), as keys within their scheme. */
public final class IssuedIds {
  private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s\\-‐－ー]");

  private IssuedIds() {}

  /**
   * The key of a number the group issued within its scheme: NFKC, upper case, without spaces and
   * hyphens ({@code rg-0000 74} and {@code RG000074} are one member number).
   */
  public static Normalized<String> normalize(String scheme, String written) {
    String v =
        SPACES_AND_HYPHENS
            .matcher(Normalizer.normalize(written, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT))
            .replaceAll("");
    if (v.isEmpty() || scheme == null || scheme.isBlank()) {
      return Normalized.failed(
          IdentifierKind.ISSUED_ID,
          "issued_id.empty",
          "an issued number needs a scheme and a value");
    }
    return Normalized.ok(scheme.strip() + ":" + v);
  }
}
