package jp.kaiji.schema;

import java.util.Optional;
import jp.kaiji.normalize.Address;
import jp.kaiji.normalize.PersonName;
import jp.kaiji.normalize.Reading;
import jp.kaiji.normalize.Readings;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.ReadingKey;

/**
 * How a normalized identifier becomes the keys matching compares, in one place for both sides: the
 * request ({@link RequestIdentity}) and an indexed record read back from the index (the Lucene
 * reader in {@code jp.kaiji.match.lucene}). {@link RecordNormalizer} writes the same keys into
 * index fields.
 */
public final class KeyRules {
  private KeyRules() {}

  /** The keys of one normalized name; {@code former} marks a name the person no longer uses. */
  static NameKey nameKey(PersonName n, boolean former) {
    return new NameKey(
        Optional.of(n.fullKey()),
        n.familyKey(),
        n.givenKey(),
        n.script() == PersonName.Script.LATIN,
        former,
        n.foldings());
  }

  /** The keys of one normalized reading. */
  static ReadingKey readingKey(Reading r) {
    return new ReadingKey(r.key(), r.looseKey(), r.familyKey(), r.givenKey());
  }

  /** The keys of an address at every precision it resolved to. */
  static AddressKey addressKey(Address a, boolean former) {
    Optional<String> prefCity = Optional.empty();
    Optional<String> town = Optional.empty();
    Optional<String> block = Optional.empty();
    for (Address.Key k : a.keys()) {
      switch (k.precision()) {
        case PREFECTURE_CITY -> prefCity = Optional.of(k.value());
        case TOWN -> town = Optional.of(k.value());
        case BLOCK -> block = Optional.of(k.value());
      }
    }
    return new AddressKey(a.postcode(), prefCity, town, block, former);
  }

  /**
   * A name written only in kana is also a reading, so it meets a reading given on the other side (a
   * call log noting ヤマダ タロウ, a request giving 山田太郎 with its フリガナ).
   */
  public static Optional<ReadingKey> readingOfName(String nameKey) {
    if (!Readings.isKana(nameKey)) {
      return Optional.empty();
    }
    return Readings.normalize(nameKey).toOptional().map(KeyRules::readingKey);
  }
}
