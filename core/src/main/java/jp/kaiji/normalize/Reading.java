package jp.kaiji.normalize;

import java.util.Objects;
import java.util.Optional;

/**
 * A normalized name reading (フリガナ).
 *
 * @param key full-width katakana without spaces
 * @param looseKey a looser key for fuzzy agreement: long vowels and small kana folded (オオノ, オーノ and
 *     オノ share it; ッ and ツ too)
 * @param familyKey the family part's key, where known
 * @param givenKey the given part's key, where known
 * @param derived true when the reading was guessed from kanji by a dictionary rather than written
 *     by the person; a derived reading is weak evidence, especially for given names
 */
public record Reading(
    String key,
    String looseKey,
    Optional<String> familyKey,
    Optional<String> givenKey,
    boolean derived) {
  public Reading {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(looseKey, "looseKey");
    Objects.requireNonNull(familyKey, "familyKey");
    Objects.requireNonNull(givenKey, "givenKey");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key is empty");
    }
  }
}
