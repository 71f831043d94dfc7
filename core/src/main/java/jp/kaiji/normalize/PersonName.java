package jp.kaiji.normalize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A normalized personal name in kanji/kana or Latin script.
 *
 * @param fullKey family and given name joined without spaces, after NFKC, honorific stripping and
 *     variant-kanji folding; for Latin names, lower-case words sorted so that order does not matter
 * @param familyKey the family name's key, where the source gave it separately or a space split it
 * @param givenKey the given name's key, likewise
 * @param script which script the name is written in
 * @param foldings each variant character that was folded, e.g. {@code 髙→高}, for explanations
 */
public record PersonName(
    String fullKey,
    Optional<String> familyKey,
    Optional<String> givenKey,
    Script script,
    List<String> foldings) {
  public PersonName {
    Objects.requireNonNull(fullKey, "fullKey");
    Objects.requireNonNull(familyKey, "familyKey");
    Objects.requireNonNull(givenKey, "givenKey");
    Objects.requireNonNull(script, "script");
    foldings = List.copyOf(foldings);
    if (fullKey.isEmpty()) {
      throw new IllegalArgumentException("fullKey is empty");
    }
  }

  public enum Script {
    /** Kanji and/or kana, the usual Japanese name. */
    JAPANESE,
    /** Romaji or a foreign resident's name in Latin letters. */
    LATIN
  }
}
