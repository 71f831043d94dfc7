package jp.kaiji.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Optional;

/**
 * What a requester wrote on the disclosure request form: the identifiers to search for. Several
 * phones, e-mails and addresses may be given; former names and former addresses count as the
 * requester's own.
 *
 * <p>Its JSON form is the body of the subject search and the form of the fixtures' requests:
 *
 * <pre>{@code
 * {"name": "山田 太郎", "reading": "ヤマダ タロウ", "formerNames": ["佐藤 太郎"],
 *  "birthDate": "昭和50年3月5日",
 *  "addresses": [{"postcode": "541-0052", "address": "大阪府大阪市中央区安土町3-5-13"}],
 *  "phones": ["090-1234-5678"], "emails": ["taro@example.jp"],
 *  "sex": "男", "issuedIds": [{"scheme": "regate-member", "value": "RG00001234"}]}
 * }</pre>
 *
 * @param name the current full name
 * @param reading its reading (フリガナ)
 * @param formerNames former full names (e.g. before marriage)
 * @param birthDate the birth date in any notation
 * @param addresses current address first, then former ones
 * @param phones phone numbers
 * @param emails e-mail addresses
 * @param sex the sex as written (男/女, M/F, male/female, 1/2 as in JIS X 0303)
 * @param issuedIds numbers the group issued to the requester (member, customer, employee numbers)
 */
public record SubjectQuery(
    Optional<String> name,
    Optional<String> reading,
    List<String> formerNames,
    Optional<String> birthDate,
    List<PostalAddress> addresses,
    List<String> phones,
    List<String> emails,
    Optional<String> sex,
    List<IssuedId> issuedIds) {

  /** A form without sex or issued numbers. */
  public SubjectQuery(
      Optional<String> name,
      Optional<String> reading,
      List<String> formerNames,
      Optional<String> birthDate,
      List<PostalAddress> addresses,
      List<String> phones,
      List<String> emails) {
    this(
        name,
        reading,
        formerNames,
        birthDate,
        addresses,
        phones,
        emails,
        Optional.empty(),
        List.of());
  }

  @JsonCreator
  public SubjectQuery {
    name = name == null ? Optional.empty() : name;
    reading = reading == null ? Optional.empty() : reading;
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    birthDate = birthDate == null ? Optional.empty() : birthDate;
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
    sex = sex == null ? Optional.empty() : sex;
    issuedIds = issuedIds == null ? List.of() : List.copyOf(issuedIds);
  }

  /**
   * A number the group issued, with the scheme the catalogue names for it (e.g. {@code
   * regate-member}): the same value means the same account only within one scheme.
   */
  public record IssuedId(String scheme, String value) {}

  /** One address as written on the form; the postcode may also sit inside the text. */
  public record PostalAddress(Optional<String> postcode, String address) {
    public PostalAddress {
      postcode = postcode == null ? Optional.empty() : postcode;
    }
  }
}
