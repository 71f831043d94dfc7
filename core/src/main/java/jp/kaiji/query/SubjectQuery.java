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
 *  "sex": "男", "issuedIds": [{"scheme": "regate-member", "value": "RG00001234"}],
 *  "locators": {"visits": [{"store": "S012", "date": "2026-11-20", "time": "14:30"}],
 *               "calls": [{"number": "03-1234-5678", "date": "2026-11-18"}],
 *               "cookies": ["c-7f3a91"],
 *               "ips": [{"address": "203.0.113.7", "date": "2026-11-19", "time": "21:10",
 *                        "windowMinutes": 60}]}}
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
 * @param locators what finds holdings without a name: visits, calls, cookie or device ids, IP uses
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
    List<IssuedId> issuedIds,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        Optional<Locators> locators) {

  /** A form without locators. */
  public SubjectQuery(
      Optional<String> name,
      Optional<String> reading,
      List<String> formerNames,
      Optional<String> birthDate,
      List<PostalAddress> addresses,
      List<String> phones,
      List<String> emails,
      Optional<String> sex,
      List<IssuedId> issuedIds) {
    this(
        name,
        reading,
        formerNames,
        birthDate,
        addresses,
        phones,
        emails,
        sex,
        issuedIds,
        Optional.empty());
  }

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
    locators = locators == null ? Optional.empty() : locators.filter(l -> !l.isEmpty());
  }

  /** This form with the given locators. */
  public SubjectQuery withLocators(Locators l) {
    return new SubjectQuery(
        name,
        reading,
        formerNames,
        birthDate,
        addresses,
        phones,
        emails,
        sex,
        issuedIds,
        Optional.of(l));
  }

  /**
   * What the requester can give to find holdings that carry no name (camera footage, call
   * recordings, web and affiliate logs). Times are Japan time (Asia/Tokyo).
   *
   * @param visits a store visit: the store id and when
   * @param calls a call to or from the group: the number used and when
   * @param cookies cookie or device ids shown by the group's own web pages
   * @param ips an IP address and when it was used
   */
  public record Locators(
      List<Visit> visits, List<Call> calls, List<String> cookies, List<IpUse> ips) {
    @JsonCreator
    public Locators {
      visits = visits == null ? List.of() : List.copyOf(visits);
      calls = calls == null ? List.of() : List.copyOf(calls);
      cookies = cookies == null ? List.of() : List.copyOf(cookies);
      ips = ips == null ? List.of() : List.copyOf(ips);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
      return visits.isEmpty() && calls.isEmpty() && cookies.isEmpty() && ips.isEmpty();
    }
  }

  /**
   * When something happened: a date, and a time with a window around it; without a time the whole
   * day.
   */
  public interface When {
    String date();

    Optional<String> time();

    /** Minutes either side of the time; 30 when absent. */
    Optional<Integer> windowMinutes();
  }

  /** A visit to a store (footage). */
  public record Visit(
      String store, String date, Optional<String> time, Optional<Integer> windowMinutes)
      implements When {
    public Visit {
      time = time == null ? Optional.empty() : time;
      windowMinutes = windowMinutes == null ? Optional.empty() : windowMinutes;
    }
  }

  /** A call (recordings): the number the requester called from or was called on. */
  public record Call(
      String number, String date, Optional<String> time, Optional<Integer> windowMinutes)
      implements When {
    public Call {
      time = time == null ? Optional.empty() : time;
      windowMinutes = windowMinutes == null ? Optional.empty() : windowMinutes;
    }
  }

  /** An IP address and when it was used (web and affiliate logs). */
  public record IpUse(
      String address, String date, Optional<String> time, Optional<Integer> windowMinutes)
      implements When {
    public IpUse {
      time = time == null ? Optional.empty() : time;
      windowMinutes = windowMinutes == null ? Optional.empty() : windowMinutes;
    }
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
