package jp.kaiji.schema;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kaiji.normalize.Address;
import jp.kaiji.normalize.PersonName;
import jp.kaiji.normalize.Phone;
import jp.kaiji.normalize.Reading;
import jp.kaiji.normalize.Readings;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.PhoneKey;
import jp.kaiji.schema.IdentityKeys.ReadingKey;

/**
 * How a normalized identifier becomes the keys matching compares, in one place for both sides: the
 * request ({@link RequestIdentity}) and an indexed record read back from the index (the Lucene
 * reader in {@code jp.kaiji.match.lucene}). {@link RecordNormalizer} writes the same keys into
 * index fields.
 */
public final class KeyRules {
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");
  private static final Pattern EIGHT_DIGITS = Pattern.compile("[0-9]{8}");

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

  /** The key of a phone number; an unverified one is never mobile. */
  public static PhoneKey phoneKey(Phone p) {
    return new PhoneKey(p.e164(), p.lineType() == Phone.LineType.MOBILE, p.verified());
  }

  /**
   * An address the gazetteer cannot resolve (abroad, or a place it does not know), kept as free
   * text: NFKC, case-folded, punctuation and symbols removed, spaces collapsed; the postcode, if
   * any, is one more token. Empty when nothing is left.
   */
  public static Optional<AddressKey> freeTextAddress(String postcode, String text, boolean former) {
    String joined = (text == null ? "" : text) + " " + (postcode == null ? "" : postcode);
    String folded =
        PUNCTUATION
            .matcher(Normalizer.normalize(joined, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
            .replaceAll(" ")
            .strip()
            .replaceAll("\\s+", " ");
    if (folded.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AddressKey(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            former,
            Optional.of(folded)));
  }

  /**
   * The words of a Latin-script name key of two or more words ({@link PersonName#fullKey}: lower
   * case, sorted), each a retrieval key that holds whatever the other words are; none for a name in
   * Japanese script or of one word (its full key is the word).
   */
  public static List<String> latinNameWords(boolean latin, String fullKey) {
    if (!latin || fullKey.indexOf(' ') < 0) {
      return List.of();
    }
    return Arrays.stream(fullKey.split(" ")).filter(w -> !w.isEmpty()).distinct().toList();
  }

  /** The tokens of a free-text address, order ignored. */
  public static Set<String> tokens(String freeText) {
    return Set.copyOf(Arrays.asList(freeText.split(" ")));
  }

  /** A birth date kept as the eight digits of a day that does not exist (a near miss). */
  public static boolean isNearMissDate(String birthDate) {
    return EIGHT_DIGITS.matcher(birthDate).matches();
  }

  /** The digits of an ISO or near-miss birth date, for comparing one with the other. */
  public static String dateDigits(String birthDate) {
    return birthDate.replace("-", "");
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
