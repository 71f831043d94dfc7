package jp.kaiji.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the sex as sources and forms write it: 男/女, 男性/女性, M/F, male/female, and the codes of JIS X
 * 0303 (1 male, 2 female). The key is {@code M} or {@code F}; 0 (unknown) and 9 (not applicable),
 * like any other value, are not a sex and fail with {@code sex.unknown}.
 */
public final class Sexes {
  private static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("男", "M"),
          Map.entry("男性", "M"),
          Map.entry("M", "M"),
          Map.entry("MALE", "M"),
          Map.entry("1", "M"),
          Map.entry("女", "F"),
          Map.entry("女性", "F"),
          Map.entry("F", "F"),
          Map.entry("FEMALE", "F"),
          Map.entry("2", "F"));

  private Sexes() {}

  /** {@code M} or {@code F}. */
  public static Normalized<String> normalize(String written) {
    String s = Normalizer.normalize(written, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    String key = KEYS.get(s);
    return key != null
        ? Normalized.ok(key)
        : Normalized.failed(
            IdentifierKind.SEX,
            "sex.unknown",
            "not a sex this reader knows (男/女, M/F, male/female, 1/2)");
  }
}
