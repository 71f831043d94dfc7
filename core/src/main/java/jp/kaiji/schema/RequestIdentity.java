package jp.kaiji.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kaiji.normalize.Address;
import jp.kaiji.normalize.Addresses;
import jp.kaiji.normalize.BirthDate;
import jp.kaiji.normalize.BirthDates;
import jp.kaiji.normalize.Emails;
import jp.kaiji.normalize.IssuedIds;
import jp.kaiji.normalize.Names;
import jp.kaiji.normalize.Normalized;
import jp.kaiji.normalize.Phone;
import jp.kaiji.normalize.Phones;
import jp.kaiji.normalize.Readings;
import jp.kaiji.normalize.Sexes;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.PhoneKey;
import jp.kaiji.schema.IdentityKeys.ReadingKey;

/**
 * Normalizes what a requester wrote into {@link IdentityKeys}. {@link #parse} never refuses: every
 * value that can be used is, and each that cannot is listed as {@link Unusable} with its field.
 */
public final class RequestIdentity {
  private RequestIdentity() {}

  /** The usable keys of a request and the values that could not be used. */
  public record Parsed(IdentityKeys keys, List<Unusable> unusable) {
    public Parsed {
      unusable = List.copyOf(unusable);
    }
  }

  /** Thrown when a request has values but none of them can be used; lists every one. */
  public static final class InvalidIdentifier extends Exception {
    private final List<Unusable> unusable;

    public InvalidIdentifier(List<Unusable> unusable) {
      super(message(unusable), null, false, false);
      if (unusable.isEmpty()) {
        throw new IllegalArgumentException("an invalid request names at least one field");
      }
      this.unusable = List.copyOf(unusable);
    }

    /** The first unusable request field, e.g. {@code phones[1]}. */
    public String field() {
      return unusable.getFirst().field();
    }

    /** Every unusable value, in form order. */
    public List<Unusable> unusable() {
      return unusable;
    }

    private static String message(List<Unusable> unusable) {
      StringBuilder b = new StringBuilder();
      for (Unusable u : unusable) {
        b.append(b.isEmpty() ? "" : "; ")
            .append(u.field())
            .append(": ")
            .append(u.reason())
            .append(" [")
            .append(u.code())
            .append(']');
      }
      return b.toString();
    }
  }

  /**
   * Strict: the keys only when every value is usable, else the first unusable one. For tools and
   * tests that must know every value counted; the search uses {@link #parse}.
   */
  public static IdentityKeys of(SubjectQuery q) throws InvalidIdentifier {
    Parsed p = parse(q);
    if (!p.unusable().isEmpty()) {
      throw new InvalidIdentifier(List.of(p.unusable().getFirst()));
    }
    return p.keys();
  }

  /** Every usable value's keys, and every value that could not be used. Never throws. */
  public static Parsed parse(SubjectQuery q) {
    List<Unusable> unusable = new ArrayList<>();
    List<NameKey> names = new ArrayList<>();
    List<ReadingKey> readings = new ArrayList<>();
    if (q.name().isPresent()) {
      value(Names.normalize(q.name().get()), "name", unusable)
          .ifPresent(n -> names.add(KeyRules.nameKey(n, false)));
    }
    for (int i = 0; i < q.formerNames().size(); i++) {
      value(Names.normalize(q.formerNames().get(i)), "formerNames[" + i + "]", unusable)
          .ifPresent(n -> names.add(KeyRules.nameKey(n, true)));
    }
    if (q.reading().isPresent()) {
      value(Readings.normalize(q.reading().get()), "reading", unusable)
          .ifPresent(r -> readings.add(KeyRules.readingKey(r)));
    }
    for (NameKey n : List.copyOf(names)) {
      n.fullKey().flatMap(KeyRules::readingOfName).ifPresent(readings::add);
    }
    // A value that fails strict normalization is still used in its weakest sensible form, and
    // listed with what was done with it.
    List<String> dates = new ArrayList<>();
    if (q.birthDate().isPresent()) {
      String written = q.birthDate().get();
      Normalized<BirthDate> d = BirthDates.parse(written);
      Optional<String> nearMiss = d.isOk() ? Optional.empty() : BirthDates.nearMissDigits(written);
      if (nearMiss.isPresent()) {
        dates.add(nearMiss.get());
        weak(d, "birthDate", "used as a near miss", unusable);
      } else {
        value(d, "birthDate", unusable).ifPresent(v -> dates.add(v.key()));
      }
    }
    List<AddressKey> addresses = new ArrayList<>();
    for (int i = 0; i < q.addresses().size(); i++) {
      SubjectQuery.PostalAddress a = q.addresses().get(i);
      boolean former = i > 0;
      String field = "addresses[" + i + "]";
      Normalized<Address> n = Addresses.normalize(a.postcode().orElse(null), a.address());
      Optional<AddressKey> free =
          freeTextFallback(n)
              ? KeyRules.freeTextAddress(a.postcode().orElse(null), a.address(), former)
              : Optional.empty();
      if (free.isPresent()) {
        addresses.add(free.get());
        weak(n, field, "compared as free text", unusable);
      } else {
        value(n, field, unusable).ifPresent(v -> addresses.add(KeyRules.addressKey(v, former)));
      }
    }
    List<PhoneKey> phones = new ArrayList<>();
    for (int i = 0; i < q.phones().size(); i++) {
      String field = "phones[" + i + "]";
      Normalized<Phone> strict = Phones.normalize(q.phones().get(i));
      Normalized<Phone> lenient = strict.isOk() ? strict : Phones.lenient(q.phones().get(i));
      if (!strict.isOk() && lenient.isOk()) {
        weak(strict, field, "used as an unverified number", unusable);
      }
      value(lenient, field, unusable).ifPresent(p -> phones.add(KeyRules.phoneKey(p)));
    }
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < q.emails().size(); i++) {
      value(Emails.normalize(q.emails().get(i)), "emails[" + i + "]", unusable)
          .ifPresent(e -> emails.add(e.key()));
    }
    Optional<String> sex =
        q.sex().isPresent()
            ? value(Sexes.normalize(q.sex().get()), "sex", unusable)
            : Optional.empty();
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < q.issuedIds().size(); i++) {
      SubjectQuery.IssuedId id = q.issuedIds().get(i);
      value(IssuedIds.normalize(id.scheme(), id.value()), "issuedIds[" + i + "]", unusable)
          .ifPresent(issued::add);
    }
    return new Parsed(
        new IdentityKeys(
            names, readings, dates, addresses, phones, emails, List.of(), List.of(), sex, issued),
        unusable);
  }

  /**
   * Whether an address that failed is kept as free text: the gazetteer could not place it (abroad,
   * or a place it does not know), or its postcode is not a Japanese one.
   */
  static boolean freeTextFallback(Normalized<Address> n) {
    return n.failureIfAny()
        .map(f -> f.code().equals("address.unresolved") || f.code().equals("postcode.shape"))
        .orElse(false);
  }

  private static void weak(Normalized<?> n, String field, String how, List<Unusable> unusable) {
    n.failureIfAny()
        .ifPresent(f -> unusable.add(new Unusable(field, f.code(), f.reason() + "; " + how)));
  }

  private static <T> Optional<T> value(Normalized<T> n, String field, List<Unusable> unusable) {
    if (n instanceof Normalized.Failed<T>(Normalized.Failure f)) {
      unusable.add(new Unusable(field, f.code(), f.reason()));
      return Optional.empty();
    }
    return n.toOptional();
  }
}
