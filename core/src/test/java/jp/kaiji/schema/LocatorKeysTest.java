package jp.kaiji.schema;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.LocatorMapping;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.catalog.SourceKind;
import jp.kaiji.normalize.Locators;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A record's locator keys and a request's locators agree however each is written. */
class LocatorKeysTest {
  @RegisterExtension final TestSeed seed = new TestSeed();

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  static SourceDefinition source(LocatorMapping l) {
    return new SourceDefinition(
            "calls",
            "c",
            "通話録音",
            SourceKind.CSV,
            Optional.of("calls.csv"),
            Optional.empty(),
            Optional.empty(),
            "call_id",
            mapping().build(),
            List.of(),
            DataCategory.CUSTOMER,
            "p",
            false)
        .withHoldings(Optional.of(l), Optional.of(90), Optional.empty());
  }

  private static final LocatorMapping CALLS =
      new LocatorMapping(
          Optional.empty(),
          Optional.of("caller"),
          List.of("device"),
          Optional.of("ip"),
          Optional.of("started"),
          Optional.empty(),
          Optional.of("seconds"),
          Optional.empty());

  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, String> keys(NormalizedRecord n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.keys().forEach(k -> out.put(k.field(), k.value()));
    return out;
  }

  @Test
  void aCallLogIsKeyedByNumberDeviceIpAndItsInterval() {
    NormalizedRecord n =
        RecordNormalizer.normalize(
            source(CALLS),
            row(
                "call_id",
                "1",
                "caller",
                "03-1234-5678",
                "device",
                " dev-9 ",
                "ip",
                "203.000.113.007",
                "started",
                "2026/11/20 14:05",
                "seconds",
                "95"));
    long start = LocalDateTime.of(2026, 11, 20, 14, 5).atZone(TOKYO).toEpochSecond();
    assertThat(keys(n))
        .containsEntry(IndexSchema.LOC_PHONE, "+81312345678")
        .containsEntry(IndexSchema.LOC_COOKIE, "dev-9")
        .containsEntry(IndexSchema.LOC_IP, "203.0.113.7")
        .containsEntry(IndexSchema.LOC_START, Long.toString(start))
        .containsEntry(IndexSchema.LOC_END, Long.toString(start + 95));
    assertThat(n.present()).contains(IndexSchema.Attribute.LOCATOR);
    assertThat(n.problems()).isEmpty();
  }

  @Test
  void anUnreadableTimeIsAProblemNamingItsColumnNotAKey() {
    NormalizedRecord n =
        RecordNormalizer.normalize(
            source(CALLS), row("call_id", "1", "caller", "03-1234-5678", "started", "昼過ぎ"));
    assertThat(keys(n)).doesNotContainKeys(IndexSchema.LOC_START, IndexSchema.LOC_END);
    assertThat(n.problems())
        .extracting(NormalizedRecord.Problem::column, NormalizedRecord.Problem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("started", "time.unreadable"));
  }

  @Test
  void anOffsetInTheRecordIsHonouredAndWithoutOneTheZoneApplies() {
    long a = Locators.epochSecond("2026-11-20T05:05:00Z", TOKYO).orElseThrow();
    long b = Locators.epochSecond("2026-11-20 14:05:00", TOKYO).orElseThrow();
    long c = Locators.epochSecond("2026-11-20T14:05+0900", TOKYO).orElseThrow();
    assertThat(a).isEqualTo(b).isEqualTo(c);
    assertThat(Locators.epochSecond("2026-02-30 10:00", TOKYO).isOk()).isFalse();
  }

  @Test
  void ipv6IsWrittenOneWay() {
    assertThat(Locators.ipKey("2001:DB8:0:0:0:0:0:1").orElseThrow()).isEqualTo("2001:db8::1");
    assertThat(Locators.ipKey("2001:db8::1").orElseThrow()).isEqualTo("2001:db8::1");
    assertThat(Locators.ipKey("2001:db8:0:1:0:0:0:0").orElseThrow()).isEqualTo("2001:db8:0:1::");
    assertThat(Locators.ipKey("256.1.1.1").isOk()).isFalse();
    assertThat(Locators.ipKey("example.jp").isOk()).isFalse();
  }

  /** Store ids and IPv4 addresses as staff and requesters write them: one key each. */
  @Test
  void spellingsOfOneLocatorAgree() {
    Random r = seed.random();
    for (int i = 0; i < 500; i++) {
      String store = "S" + (r.nextInt(900) + 100);
      String spelled = store;
      if (r.nextBoolean()) {
        spelled = spelled.toLowerCase(Locale.ROOT);
      }
      if (r.nextBoolean()) {
        spelled = toFullWidth(spelled);
      }
      if (r.nextBoolean()) {
        spelled = " " + spelled + "　";
      }
      assertThat(Locators.storeKey(spelled).orElseThrow()).as(spelled).isEqualTo(store);
      int[] o = {r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256)};
      String plain = o[0] + "." + o[1] + "." + o[2] + "." + o[3];
      String padded = String.format(Locale.ROOT, "%03d.%03d.%03d.%03d", o[0], o[1], o[2], o[3]);
      if (r.nextBoolean()) {
        padded = toFullWidth(padded);
      }
      assertThat(Locators.ipKey(padded).orElseThrow()).as(padded).isEqualTo(plain);
    }
  }

  private static String toFullWidth(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.appendCodePoint(c > 0x20 && c < 0x7f ? c + 0xFEE0 : c));
    assertThat(Normalizer.normalize(b, Normalizer.Form.NFKC)).isEqualTo(s);
    return b.toString();
  }

  @Test
  void aRequestTimeIsAWindowAndADateTheWholeDay() {
    SubjectQuery q =
        new SubjectQuery(null, null, null, null, null, null, null)
            .withLocators(
                new SubjectQuery.Locators(
                    List.of(
                        new SubjectQuery.Visit("ｓ０１２", "2026-11-20", Optional.of("14:30"), null),
                        new SubjectQuery.Visit("S012", "2026/11/21", null, null)),
                    List.of(
                        new SubjectQuery.Call("090-1234-5678", "2026-11-20", null, Optional.of(5))),
                    List.of("c-1"),
                    List.of(
                        new SubjectQuery.IpUse(
                            "203.0.113.7", "2026-11-20", Optional.of("9:00"), Optional.of(0)))));
    RequestLocators.Parsed p = RequestLocators.parse(q);
    long at = LocalDateTime.of(2026, 11, 20, 14, 30).atZone(TOKYO).toEpochSecond();
    long day = LocalDateTime.of(2026, 11, 21, 0, 0).atZone(TOKYO).toEpochSecond();
    assertThat(p.terms()).hasSize(4);
    LocatorTerm visit = p.terms().get(0);
    assertThat(visit.value()).isEqualTo("S012");
    assertThat(visit.from().getAsLong()).isEqualTo(at - 1800);
    assertThat(visit.to().getAsLong()).isEqualTo(at + 1800);
    LocatorTerm wholeDay = p.terms().get(1);
    assertThat(wholeDay.from().getAsLong()).isEqualTo(day);
    assertThat(wholeDay.to().getAsLong()).isEqualTo(day + 86_399);
    assertThat(p.terms().get(3).timed()).isFalse();
    // "9:00" is not HH:mm: the IP use is listed as unusable, the rest is searched.
    assertThat(p.unusable())
        .extracting(Unusable::field, Unusable::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("locators.ips[0]", "when.invalid"));
  }
}
