package jp.kaiji.schema;

import java.util.List;
import java.util.Optional;

/**
 * The normalized identifiers of one side of a comparison: what a requester gave, or what one
 * indexed record holds. Values are the keys the {@code jp.kaiji.normalize} normalizers produce, so
 * equal keys mean agreement after normalization.
 *
 * @param names full names (current first; {@link NameKey#former()} marks former ones)
 * @param readings readings (フリガナ)
 * @param birthDates ISO dates (a record has at most one; a request may give one); a date whose day
 *     does not exist is kept as its eight digits {@code yyyyMMdd} ({@link
 *     KeyRules#isNearMissDate}), compared only as a near miss and never an exact key
 * @param addresses addresses (current first; former ones marked)
 * @param phones phone numbers in E.164 with their line type
 * @param emails e-mail keys
 * @param phoneHashes SHA-256 of E.164 forms (records of provision hold only these)
 * @param emailHashes SHA-256 of e-mail keys
 * @param sex {@code M} or {@code F}, where known
 * @param issuedIds numbers the group issued, as {@code scheme:value}
 */
public record IdentityKeys(
    List<NameKey> names,
    List<ReadingKey> readings,
    List<String> birthDates,
    List<AddressKey> addresses,
    List<PhoneKey> phones,
    List<String> emails,
    List<String> phoneHashes,
    List<String> emailHashes,
    Optional<String> sex,
    List<String> issuedIds) {

  /** Keys without sex or issued numbers. */
  public IdentityKeys(
      List<NameKey> names,
      List<ReadingKey> readings,
      List<String> birthDates,
      List<AddressKey> addresses,
      List<PhoneKey> phones,
      List<String> emails,
      List<String> phoneHashes,
      List<String> emailHashes) {
    this(
        names,
        readings,
        birthDates,
        addresses,
        phones,
        emails,
        phoneHashes,
        emailHashes,
        Optional.empty(),
        List.of());
  }

  public IdentityKeys {
    names = List.copyOf(names);
    readings = List.copyOf(readings);
    birthDates = List.copyOf(birthDates);
    addresses = List.copyOf(addresses);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    phoneHashes = List.copyOf(phoneHashes);
    emailHashes = List.copyOf(emailHashes);
    sex = sex == null ? Optional.empty() : sex;
    issuedIds = List.copyOf(issuedIds);
  }

  public static IdentityKeys empty() {
    return new IdentityKeys(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return names.isEmpty()
        && readings.isEmpty()
        && birthDates.isEmpty()
        && addresses.isEmpty()
        && phones.isEmpty()
        && emails.isEmpty()
        && phoneHashes.isEmpty()
        && emailHashes.isEmpty()
        && issuedIds.isEmpty();
  }

  /** No name, reading or birth date: a record that names nobody (a call log, an order row). */
  public boolean namesNobody() {
    return names.isEmpty() && readings.isEmpty() && birthDates.isEmpty();
  }

  /**
   * A name's keys. For a former family name known only as a family name (旧姓 column), {@code
   * fullKey} is empty and {@code familyKey} holds it. {@code latin} names compare only with Latin
   * ones.
   */
  public record NameKey(
      Optional<String> fullKey,
      Optional<String> familyKey,
      Optional<String> givenKey,
      boolean latin,
      boolean former,
      List<String> foldings) {
    public NameKey {
      foldings = List.copyOf(foldings);
    }
  }

  /** A reading's keys (katakana). */
  public record ReadingKey(
      String key, String looseKey, Optional<String> familyKey, Optional<String> givenKey) {}

  /**
   * An address's keys at each precision it resolved to; an address the gazetteer cannot resolve
   * (abroad, most often) has none of those and its normalized text in {@code freeText} instead
   * ({@link KeyRules#freeTextAddress}), compared by its tokens.
   */
  public record AddressKey(
      Optional<String> postcode,
      Optional<String> prefectureCity,
      Optional<String> town,
      Optional<String> block,
      boolean former,
      Optional<String> freeText) {
    public AddressKey {
      freeText = freeText == null ? Optional.empty() : freeText;
    }

    /** A resolved address. */
    public AddressKey(
        Optional<String> postcode,
        Optional<String> prefectureCity,
        Optional<String> town,
        Optional<String> block,
        boolean former) {
      this(postcode, prefectureCity, town, block, former, Optional.empty());
    }
  }

  /**
   * A phone number; {@code mobile} numbers belong to one person at a time, fixed lines to a
   * household. An unverified number (Japanese domestic shape, unknown to libphonenumber) is never
   * mobile: its holder cannot be told.
   */
  public record PhoneKey(String e164, boolean mobile, boolean verified) {
    public PhoneKey {
      mobile = mobile && verified;
    }

    /** A number libphonenumber validated. */
    public PhoneKey(String e164, boolean mobile) {
      this(e164, mobile, true);
    }
  }
}
