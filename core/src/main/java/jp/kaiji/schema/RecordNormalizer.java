package jp.kaiji.schema;

import static jp.kaiji.schema.IndexSchema.Attribute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.normalize.Address;
import jp.kaiji.normalize.Addresses;
import jp.kaiji.normalize.BirthDate;
import jp.kaiji.normalize.BirthDates;
import jp.kaiji.normalize.Email;
import jp.kaiji.normalize.Emails;
import jp.kaiji.normalize.IdentifierKind;
import jp.kaiji.normalize.Names;
import jp.kaiji.normalize.Normalized;
import jp.kaiji.normalize.PersonName;
import jp.kaiji.normalize.Phone;
import jp.kaiji.normalize.Phones;
import jp.kaiji.normalize.Reading;
import jp.kaiji.normalize.Readings;

/**
 * Turns the mapped columns of one record into index keys with the {@code jp.kaiji.normalize}
 * normalizers. A blank column is absent, not a failure. Stateless and thread-safe.
 */
public final class RecordNormalizer {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** The line type stored for a number libphonenumber does not know ({@link Phones#lenient}). */
  public static final String UNVERIFIED = "UNVERIFIED";

  private RecordNormalizer() {}

  /**
   * The keys of a source's record: its identity columns, then its locators ({@link LocatorKeys}).
   */
  public static NormalizedRecord normalize(
      jp.kaiji.catalog.SourceDefinition source, Map<String, String> fields) {
    return LocatorKeys.add(source, fields, normalize(source.identity(), fields));
  }

  public static NormalizedRecord normalize(IdentityMapping m, Map<String, String> fields) {
    Collector c = new Collector(fields);
    m.fullName()
        .ifPresent(
            col ->
                c.value(col)
                    .ifPresent(
                        v -> {
                          c.present(Attribute.NAME);
                          c.run(Attribute.NAME, col, () -> Names.normalize(v)).ifPresent(c::name);
                        }));
    if (m.familyName().isPresent() && m.givenName().isPresent()) {
      Optional<String> f = c.value(m.familyName().get());
      Optional<String> g = c.value(m.givenName().get());
      if (f.isPresent() || g.isPresent()) {
        c.present(Attribute.NAME);
        String col = f.isPresent() ? m.givenName().get() : m.familyName().get();
        c.run(Attribute.NAME, col, () -> Names.normalize(f.orElse(""), g.orElse("")))
            .ifPresent(c::name);
      }
    } else {
      m.familyName()
          .ifPresent(
              col ->
                  c.value(col)
                      .ifPresent(
                          v -> {
                            c.present(Attribute.NAME);
                            c.run(Attribute.NAME, col, () -> Names.normalize(v))
                                .ifPresent(n -> c.key(IndexSchema.NAME_FAMILY, n.fullKey()));
                          }));
      m.givenName()
          .ifPresent(
              col ->
                  c.value(col)
                      .ifPresent(
                          v -> {
                            c.present(Attribute.NAME);
                            c.run(Attribute.NAME, col, () -> Names.normalize(v))
                                .ifPresent(n -> c.key(IndexSchema.NAME_GIVEN, n.fullKey()));
                          }));
    }
    for (String col : m.formerFamilyNames()) {
      c.value(col)
          .ifPresent(
              v -> {
                c.present(Attribute.FORMER_NAME);
                c.run(Attribute.FORMER_NAME, col, () -> Names.normalize(v))
                    .ifPresent(n -> c.key(IndexSchema.NAME_FORMER_FAMILY, n.fullKey()));
              });
    }
    m.reading()
        .ifPresent(
            col ->
                c.value(col)
                    .ifPresent(
                        v -> {
                          c.present(Attribute.READING);
                          c.run(Attribute.READING, col, () -> Readings.normalize(v))
                              .ifPresent(c::reading);
                        }));
    readingParts(m, c);
    m.birthDate()
        .ifPresent(
            col ->
                c.value(col)
                    .ifPresent(
                        v -> {
                          c.present(Attribute.BIRTH_DATE);
                          // A day that does not exist is kept as a near miss, never a key.
                          Optional<String> nearMiss = BirthDates.nearMissDigits(v);
                          if (nearMiss.isPresent()) {
                            c.key(IndexSchema.BIRTH_DATE_NEAR_MISS, nearMiss.get());
                          } else {
                            c.run(Attribute.BIRTH_DATE, col, () -> BirthDates.parse(v))
                                .ifPresent(d -> c.key(IndexSchema.BIRTH_DATE, d.key()));
                          }
                        }));
    address(m, c);
    for (String col : m.phones()) {
      c.value(col)
          .ifPresent(
              v -> {
                c.present(Attribute.PHONE);
                c.run(Attribute.PHONE, col, () -> Phones.lenient(v)).ifPresent(p -> phone(c, p));
              });
    }
    for (String col : m.emails()) {
      c.value(col)
          .ifPresent(
              v -> {
                c.present(Attribute.EMAIL);
                c.run(Attribute.EMAIL, col, () -> Emails.normalize(v)).ifPresent(e -> email(c, e));
              });
    }
    RoleKeys.add(m, c);
    hashes(c, m.phoneSha256(), Attribute.PHONE_SHA256, IndexSchema.PHONE_SHA256);
    hashes(c, m.emailSha256(), Attribute.EMAIL_SHA256, IndexSchema.EMAIL_SHA256);
    m.recordDate()
        .ifPresent(
            col ->
                c.value(col)
                    .ifPresent(
                        v -> {
                          c.present(Attribute.RECORD_DATE);
                          Optional<LocalDate> d = recordDate(v);
                          if (d.isPresent()) {
                            c.key(IndexSchema.RECORD_DATE, d.get().toString());
                          } else {
                            c.problems.add(
                                new NormalizedRecord.Problem(
                                    Attribute.RECORD_DATE,
                                    col,
                                    "record_date.unrecognized",
                                    "not a date notation Kaiji reads"));
                          }
                        }));
    return new NormalizedRecord(new ArrayList<>(c.keys), c.present, c.problems);
  }

  private static void readingParts(IdentityMapping m, Collector c) {
    Optional<Reading> f =
        m.familyReading()
            .flatMap(
                col ->
                    c.value(col)
                        .flatMap(
                            v -> {
                              c.present(Attribute.READING);
                              return c.run(Attribute.READING, col, () -> Readings.normalize(v));
                            }));
    Optional<Reading> g =
        m.givenReading()
            .flatMap(
                col ->
                    c.value(col)
                        .flatMap(
                            v -> {
                              c.present(Attribute.READING);
                              return c.run(Attribute.READING, col, () -> Readings.normalize(v));
                            }));
    f.ifPresent(r -> c.key(IndexSchema.READING_FAMILY, r.key()));
    g.ifPresent(r -> c.key(IndexSchema.READING_GIVEN, r.key()));
    if (f.isPresent() && g.isPresent()) {
      c.key(IndexSchema.READING_KEY, f.get().key() + g.get().key());
      c.key(IndexSchema.READING_LOOSE, f.get().looseKey() + g.get().looseKey());
    }
  }

  private static void address(IdentityMapping m, Collector c) {
    Optional<String> pc = postcode(m.postcodeParts(), c);
    Optional<String> addr = joined(m.addressParts(), c);
    if (pc.isEmpty() && addr.isEmpty()) {
      return;
    }
    pc.ifPresent(v -> c.present(Attribute.POSTCODE));
    addr.ifPresent(v -> c.present(Attribute.ADDRESS));
    Normalized<Address> result;
    try {
      result = Addresses.normalize(pc.orElse(null), addr.orElse(null));
    } catch (RuntimeException e) {
      result =
          Normalized.failed(
              IdentifierKind.ADDRESS,
              "normalizer.error",
              "the normalizer failed: " + e.getClass().getSimpleName());
    }
    switch (result) {
      case Normalized.Ok<Address>(Address a) -> {
        a.postcode().ifPresent(p -> c.key(IndexSchema.POSTCODE, p));
        for (Address.Key k : a.keys()) {
          c.key(
              switch (k.precision()) {
                case PREFECTURE_CITY -> IndexSchema.ADDRESS_PREFECTURE_CITY;
                case TOWN -> IndexSchema.ADDRESS_TOWN;
                case BLOCK -> IndexSchema.ADDRESS_BLOCK;
              },
              k.value());
        }
        a.building().ifPresent(b -> c.key(IndexSchema.ADDRESS_BUILDING, b));
      }
      case Normalized.Failed<Address> failed
          when addr.isPresent() && RequestIdentity.freeTextFallback(failed) ->
          // Abroad, or a place the gazetteer does not know: kept as text, compared by tokens.
          KeyRules.freeTextAddress(pc.orElse(null), addr.get(), false)
              .flatMap(IdentityKeys.AddressKey::freeText)
              .ifPresent(t -> c.key(IndexSchema.ADDRESS_TEXT, t));
      case Normalized.Failed<Address>(Normalized.Failure f) -> {
        boolean postcode = f.kind() == IdentifierKind.POSTCODE;
        List<String> pcs = m.postcodeParts();
        List<String> addrs = m.addressParts();
        String col = String.join("+", postcode && !pcs.isEmpty() || addrs.isEmpty() ? pcs : addrs);
        c.problems.add(
            new NormalizedRecord.Problem(
                postcode ? Attribute.POSTCODE : Attribute.ADDRESS, col, f.code(), f.reason()));
      }
    }
  }

  /** The non-blank values of {@code columns}, in order, joined by a space; empty when none. */
  private static Optional<String> joined(List<String> columns, Collector c) {
    List<String> values = new ArrayList<>(columns.size());
    for (String col : columns) {
      c.value(col).map(String::strip).ifPresent(values::add);
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", values));
  }

  /**
   * The postcode from one column, or from two (3 + 4 digits) joined by a hyphen; half a postcode is
   * passed on as it is, so that the normalizer reports its shape.
   */
  private static Optional<String> postcode(List<String> columns, Collector c) {
    if (columns.size() != 2) {
      return joined(columns, c);
    }
    Optional<String> head = c.value(columns.get(0)).map(String::strip);
    Optional<String> tail = c.value(columns.get(1)).map(String::strip);
    if (head.isPresent() && tail.isPresent()) {
      return Optional.of(head.get() + "-" + tail.get());
    }
    return head.or(() -> tail);
  }

  private static void phone(Collector c, Phone p) {
    c.key(IndexSchema.PHONE_E164, p.e164());
    c.key(IndexSchema.PHONE_LINE, p.e164() + " " + (p.verified() ? p.lineType() : UNVERIFIED));
  }

  private static void email(Collector c, Email e) {
    c.key(IndexSchema.EMAIL_KEY, e.key());
  }

  private static void hashes(Collector c, List<String> columns, Attribute attribute, String field) {
    for (String col : columns) {
      c.value(col)
          .ifPresent(
              v -> {
                c.present(attribute);
                String h = v.strip().toLowerCase(java.util.Locale.ROOT);
                if (SHA256.matcher(h).matches()) {
                  c.key(field, h);
                } else {
                  c.problems.add(
                      new NormalizedRecord.Problem(
                          attribute, col, "sha256.shape", "not 64 hexadecimal digits"));
                }
              });
    }
  }

  /** A record date: a date notation, or a timestamp whose first ten characters are one. */
  static Optional<LocalDate> recordDate(String v) {
    String s = v.strip();
    if (isoTimestamp(s)) {
      // 2019-05-04T15:27:56+09:00: the whole never parses as a date, its first ten characters do.
      return BirthDates.parse(s.substring(0, 10)).toOptional().map(BirthDate::date);
    }
    Optional<BirthDate> d = BirthDates.parse(s).toOptional();
    if (d.isEmpty() && s.length() > 10) {
      d = BirthDates.parse(s.substring(0, 10)).toOptional();
    }
    return d.map(BirthDate::date);
  }

  /** yyyy-mm-dd followed by T or a space and a digit: an ISO or SQL timestamp. */
  private static boolean isoTimestamp(String s) {
    if (s.length() < 12
        || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
        || !isDigit(s.charAt(11))
        || s.charAt(4) != '-'
        || s.charAt(7) != '-') {
      return false;
    }
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static final class Collector {
    final Map<String, String> fields;
    final Set<NormalizedRecord.Key> keys = new LinkedHashSet<>();
    final Set<Attribute> present = EnumSet.noneOf(Attribute.class);
    final List<NormalizedRecord.Problem> problems = new ArrayList<>(0);

    Collector(Map<String, String> fields) {
      this.fields = fields;
    }

    Optional<String> value(String column) {
      String v = fields.get(column);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    void present(Attribute a) {
      present.add(a);
    }

    void key(String field, String value) {
      keys.add(new NormalizedRecord.Key(field, value));
    }

    void name(PersonName n) {
      key(IndexSchema.NAME_FULL, n.fullKey());
      n.familyKey().ifPresent(k -> key(IndexSchema.NAME_FAMILY, k));
      n.givenKey().ifPresent(k -> key(IndexSchema.NAME_GIVEN, k));
      for (String word :
          KeyRules.latinNameWords(n.script() == PersonName.Script.LATIN, n.fullKey())) {
        key(IndexSchema.NAME_WORD, word);
      }
      key(IndexSchema.NAME_SCRIPT, n.script().name());
      key(IndexSchema.NAME_FOLDINGS, String.join(",", n.foldings()));
    }

    void reading(Reading r) {
      key(IndexSchema.READING_KEY, r.key());
      key(IndexSchema.READING_LOOSE, r.looseKey());
      r.familyKey().ifPresent(k -> key(IndexSchema.READING_FAMILY, k));
      r.givenKey().ifPresent(k -> key(IndexSchema.READING_GIVEN, k));
    }

    /** Runs a normalizer; a failure (or a normalizer bug) becomes a problem, never an exception. */
    <T> Optional<T> run(Attribute a, String column, Supplier<Normalized<T>> normalizer) {
      Normalized<T> result;
      try {
        result = normalizer.get();
      } catch (RuntimeException e) {
        problems.add(
            new NormalizedRecord.Problem(
                a,
                column,
                "normalizer.error",
                "the normalizer failed: " + e.getClass().getSimpleName()));
        return Optional.empty();
      }
      result
          .failureIfAny()
          .ifPresent(
              f -> problems.add(new NormalizedRecord.Problem(a, column, f.code(), f.reason())));
      return result.toOptional();
    }
  }
}
