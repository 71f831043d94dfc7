package jp.kaiji.schema;

import java.util.ArrayList;
import java.util.List;
import jp.kaiji.normalize.Address;
import jp.kaiji.normalize.Addresses;
import jp.kaiji.normalize.BirthDates;
import jp.kaiji.normalize.Emails;
import jp.kaiji.normalize.Names;
import jp.kaiji.normalize.Normalized;
import jp.kaiji.normalize.Phone;
import jp.kaiji.normalize.Phones;
import jp.kaiji.normalize.Readings;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.PhoneKey;
import jp.kaiji.schema.IdentityKeys.ReadingKey;

/**
 * Normalizes what a requester wrote into {@link IdentityKeys}, naming the field of any bad value.
 */
public final class RequestIdentity {
  private RequestIdentity() {}

  /** A request value that could not be normalized. */
  public static final class InvalidIdentifier extends Exception {
    private final String field;

    InvalidIdentifier(String field, Normalized.Failure failure) {
      super(failure.reason() + " [" + failure.code() + "]", null, false, false);
      this.field = field;
    }

    /** The request field, e.g. {@code phones[1]}. */
    public String field() {
      return field;
    }
  }

  public static IdentityKeys of(SubjectQuery q) throws InvalidIdentifier {
    List<NameKey> names = new ArrayList<>();
    List<ReadingKey> readings = new ArrayList<>();
    if (q.name().isPresent()) {
      names.add(KeyRules.nameKey(value(Names.normalize(q.name().get()), "name"), false));
    }
    for (int i = 0; i < q.formerNames().size(); i++) {
      names.add(
          KeyRules.nameKey(
              value(Names.normalize(q.formerNames().get(i)), "formerNames[" + i + "]"), true));
    }
    if (q.reading().isPresent()) {
      readings.add(KeyRules.readingKey(value(Readings.normalize(q.reading().get()), "reading")));
    }
    for (NameKey n : List.copyOf(names)) {
      n.fullKey().flatMap(KeyRules::readingOfName).ifPresent(readings::add);
    }
    List<String> dates = new ArrayList<>();
    if (q.birthDate().isPresent()) {
      dates.add(value(BirthDates.parse(q.birthDate().get()), "birthDate").key());
    }
    List<AddressKey> addresses = new ArrayList<>();
    for (int i = 0; i < q.addresses().size(); i++) {
      SubjectQuery.PostalAddress a = q.addresses().get(i);
      Address address =
          value(
              Addresses.normalize(a.postcode().orElse(null), a.address()), "addresses[" + i + "]");
      addresses.add(KeyRules.addressKey(address, i > 0));
    }
    List<PhoneKey> phones = new ArrayList<>();
    for (int i = 0; i < q.phones().size(); i++) {
      Phone p = value(Phones.normalize(q.phones().get(i)), "phones[" + i + "]");
      phones.add(new PhoneKey(p.e164(), p.lineType() == Phone.LineType.MOBILE));
    }
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < q.emails().size(); i++) {
      emails.add(value(Emails.normalize(q.emails().get(i)), "emails[" + i + "]").key());
    }
    return new IdentityKeys(
        names, readings, dates, addresses, phones, emails, List.of(), List.of());
  }

  private static <T> T value(Normalized<T> n, String field) throws InvalidIdentifier {
    if (n instanceof Normalized.Failed<T>(Normalized.Failure f)) {
      throw new InvalidIdentifier(field, f);
    }
    return n.orElseThrow();
  }
}
