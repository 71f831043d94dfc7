package jp.kaiji.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * Which source columns hold which identity attributes. Every attribute is optional: an order row
 * may hold no identifier at all and reach its person only through a {@link ForeignKey}.
 *
 * <p>Lists name several columns of the same kind (a home and a mobile phone, two e-mails).
 *
 * <p>A column of a JSON Lines source may be a JSON Pointer ({@code /pickup/address}) into the
 * record's nested objects.
 *
 * @param fullName one column with the whole name (a space may or may not separate the parts)
 * @param familyName the family name, where the source splits the name
 * @param givenName the given name, likewise
 * @param reading the whole reading (フリガナ)
 * @param familyReading the family part of the reading
 * @param givenReading the given part of the reading
 * @param formerFamilyNames former family names (旧姓) the source keeps
 * @param birthDate the birth date in any notation the normalizers read
 * @param postcode the postcode, where separate from the address
 * @param address the address text (may include prefecture and postcode)
 * @param phones phone columns
 * @param emails e-mail columns
 * @param phoneSha256 columns holding SHA-256 of a phone's E.164 form (records of provision)
 * @param emailSha256 columns holding SHA-256 of a normalized e-mail
 * @param recordDate when the record was made; a phone match is evidence only for when it was held
 * @param addressColumns the address split over columns, in reading order (都道府県, 市区町村, 町域・番地, 建物名):
 *     their non-blank values are joined with a space; instead of {@code address}
 * @param postcodeColumns the postcode in one column, or in two (the 3 and the 4 digits); instead of
 *     {@code postcode}
 * @param sex the sex column (男/女, M/F, male/female, 1/2): a disagreement is evidence against
 * @param issuedIds columns holding numbers the group issued (member, customer, employee numbers),
 *     each with its scheme: a requester who writes one on the form is matched exactly
 * @param workplace workplace columns (company name, office address): context for the reviewer,
 *     never evidence, since colleagues share them
 * @param workPhones work phone columns (a company's main number): context, never evidence
 * @param workEmails work e-mail columns: context, never evidence
 */
public record IdentityMapping(
    Optional<String> fullName,
    Optional<String> familyName,
    Optional<String> givenName,
    Optional<String> reading,
    Optional<String> familyReading,
    Optional<String> givenReading,
    List<String> formerFamilyNames,
    Optional<String> birthDate,
    Optional<String> postcode,
    Optional<String> address,
    List<String> phones,
    List<String> emails,
    List<String> phoneSha256,
    List<String> emailSha256,
    Optional<String> recordDate,
    // Left out when empty, so that catalogues written before these keys read and write the same.
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> addressColumns,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> postcodeColumns,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Optional<String> sex,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IssuedIdColumn> issuedIds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> workplace,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> workPhones,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> workEmails) {

  /** A column holding numbers the group issued, and the scheme they belong to. */
  public record IssuedIdColumn(String column, String scheme) {}

  /** A mapping without sex, issued numbers or work context. */
  public IdentityMapping(
      Optional<String> fullName,
      Optional<String> familyName,
      Optional<String> givenName,
      Optional<String> reading,
      Optional<String> familyReading,
      Optional<String> givenReading,
      List<String> formerFamilyNames,
      Optional<String> birthDate,
      Optional<String> postcode,
      Optional<String> address,
      List<String> phones,
      List<String> emails,
      List<String> phoneSha256,
      List<String> emailSha256,
      Optional<String> recordDate,
      List<String> addressColumns,
      List<String> postcodeColumns) {
    this(
        fullName,
        familyName,
        givenName,
        reading,
        familyReading,
        givenReading,
        formerFamilyNames,
        birthDate,
        postcode,
        address,
        phones,
        emails,
        phoneSha256,
        emailSha256,
        recordDate,
        addressColumns,
        postcodeColumns,
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** This mapping with the roles that are not name, birth date, address, phone or e-mail. */
  public IdentityMapping withRoles(
      Optional<String> sex,
      List<IssuedIdColumn> issuedIds,
      List<String> workplace,
      List<String> workPhones,
      List<String> workEmails) {
    return new IdentityMapping(
        fullName,
        familyName,
        givenName,
        reading,
        familyReading,
        givenReading,
        formerFamilyNames,
        birthDate,
        postcode,
        address,
        phones,
        emails,
        phoneSha256,
        emailSha256,
        recordDate,
        addressColumns,
        postcodeColumns,
        sex,
        issuedIds,
        workplace,
        workPhones,
        workEmails);
  }

  /** A mapping with the address and the postcode in one column each (or none). */
  public IdentityMapping(
      Optional<String> fullName,
      Optional<String> familyName,
      Optional<String> givenName,
      Optional<String> reading,
      Optional<String> familyReading,
      Optional<String> givenReading,
      List<String> formerFamilyNames,
      Optional<String> birthDate,
      Optional<String> postcode,
      Optional<String> address,
      List<String> phones,
      List<String> emails,
      List<String> phoneSha256,
      List<String> emailSha256,
      Optional<String> recordDate) {
    this(
        fullName,
        familyName,
        givenName,
        reading,
        familyReading,
        givenReading,
        formerFamilyNames,
        birthDate,
        postcode,
        address,
        phones,
        emails,
        phoneSha256,
        emailSha256,
        recordDate,
        List.of(),
        List.of());
  }

  @JsonCreator
  public IdentityMapping {
    fullName = orEmpty(fullName);
    familyName = orEmpty(familyName);
    givenName = orEmpty(givenName);
    reading = orEmpty(reading);
    familyReading = orEmpty(familyReading);
    givenReading = orEmpty(givenReading);
    formerFamilyNames = formerFamilyNames == null ? List.of() : List.copyOf(formerFamilyNames);
    birthDate = orEmpty(birthDate);
    postcode = orEmpty(postcode);
    address = orEmpty(address);
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
    phoneSha256 = phoneSha256 == null ? List.of() : List.copyOf(phoneSha256);
    emailSha256 = emailSha256 == null ? List.of() : List.copyOf(emailSha256);
    recordDate = orEmpty(recordDate);
    addressColumns = addressColumns == null ? List.of() : List.copyOf(addressColumns);
    postcodeColumns = postcodeColumns == null ? List.of() : List.copyOf(postcodeColumns);
    sex = orEmpty(sex);
    issuedIds = issuedIds == null ? List.of() : List.copyOf(issuedIds);
    workplace = workplace == null ? List.of() : List.copyOf(workplace);
    workPhones = workPhones == null ? List.of() : List.copyOf(workPhones);
    workEmails = workEmails == null ? List.of() : List.copyOf(workEmails);
  }

  /** The address columns, whichever way they are mapped. */
  public List<String> addressParts() {
    return address.map(List::of).orElse(addressColumns);
  }

  /** The postcode columns, whichever way they are mapped. */
  public List<String> postcodeParts() {
    return postcode.map(List::of).orElse(postcodeColumns);
  }

  /**
   * Every mapped column with the attribute it holds, in mapping order; a column may appear twice
   * when it serves two attributes.
   */
  public java.util.List<java.util.Map.Entry<String, String>> mappedColumns() {
    java.util.List<java.util.Map.Entry<String, String>> out = new java.util.ArrayList<>();
    fullName.ifPresent(c -> out.add(java.util.Map.entry("fullName", c)));
    familyName.ifPresent(c -> out.add(java.util.Map.entry("familyName", c)));
    givenName.ifPresent(c -> out.add(java.util.Map.entry("givenName", c)));
    reading.ifPresent(c -> out.add(java.util.Map.entry("reading", c)));
    familyReading.ifPresent(c -> out.add(java.util.Map.entry("familyReading", c)));
    givenReading.ifPresent(c -> out.add(java.util.Map.entry("givenReading", c)));
    formerFamilyNames.forEach(c -> out.add(java.util.Map.entry("formerFamilyNames", c)));
    birthDate.ifPresent(c -> out.add(java.util.Map.entry("birthDate", c)));
    postcodeParts().forEach(c -> out.add(java.util.Map.entry("postcode", c)));
    addressParts().forEach(c -> out.add(java.util.Map.entry("address", c)));
    phones.forEach(c -> out.add(java.util.Map.entry("phones", c)));
    emails.forEach(c -> out.add(java.util.Map.entry("emails", c)));
    phoneSha256.forEach(c -> out.add(java.util.Map.entry("phoneSha256", c)));
    emailSha256.forEach(c -> out.add(java.util.Map.entry("emailSha256", c)));
    recordDate.ifPresent(c -> out.add(java.util.Map.entry("recordDate", c)));
    sex.ifPresent(c -> out.add(java.util.Map.entry("sex", c)));
    issuedIds.forEach(c -> out.add(java.util.Map.entry("issuedIds", c.column())));
    workplace.forEach(c -> out.add(java.util.Map.entry("workplace", c)));
    workPhones.forEach(c -> out.add(java.util.Map.entry("workPhones", c)));
    workEmails.forEach(c -> out.add(java.util.Map.entry("workEmails", c)));
    return out;
  }

  // Jackson passes null for a missing property even when the component is an Optional.
  private static Optional<String> orEmpty(Optional<String> o) {
    return o == null ? Optional.empty() : o;
  }
}
