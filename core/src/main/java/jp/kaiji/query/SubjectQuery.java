package jp.kaiji.query;

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
 *  "phones": ["090-1234-5678"], "emails": ["taro@example.jp"]}
 * }</pre>
 *
 * @param name the current full name
 * @param reading its reading (フリガナ)
 * @param formerNames former full names (e.g. before marriage)
 * @param birthDate the birth date in any notation
 * @param addresses current address first, then former ones
 * @param phones phone numbers
 * @param emails e-mail addresses
 */
public record SubjectQuery(
    Optional<String> name,
    Optional<String> reading,
    List<String> formerNames,
    Optional<String> birthDate,
    List<PostalAddress> addresses,
    List<String> phones,
    List<String> emails) {

  public SubjectQuery {
    name = name == null ? Optional.empty() : name;
    reading = reading == null ? Optional.empty() : reading;
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    birthDate = birthDate == null ? Optional.empty() : birthDate;
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** One address as written on the form; the postcode may also sit inside the text. */
  public record PostalAddress(Optional<String> postcode, String address) {
    public PostalAddress {
      postcode = postcode == null ? Optional.empty() : postcode;
    }
  }
}
