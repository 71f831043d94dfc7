package jp.kaiji.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.query.SubjectQuery.PostalAddress;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RequestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the weak forms of values compare: near misses, free-text addresses, unverified phones. */
class LenientComparisonTest {
  private final RecordComparator comparator =
      new RecordComparator(
          MatchPolicy.defaults(),
          new TermStatistics() {
            @Override
            public long docFreq(String field, String value) {
              return 1;
            }

            @Override
            public long docCount() {
              return 100_000;
            }
          });

  static IdentityKeys keys(String birth, String address, List<String> phones) {
    return RequestIdentity.parse(
            new SubjectQuery(
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.ofNullable(birth),
                address == null ? List.of() : List.of(new PostalAddress(Optional.empty(), address)),
                phones,
                List.of()))
        .keys();
  }

  private Optional<AttributeMatch> attribute(IdentityKeys q, IdentityKeys r, String name) {
    return comparator.compare(q, r).attributes().stream()
        .filter(a -> a.attribute().equals(name))
        .findFirst();
  }

  @ParameterizedTest
  @CsvSource({
    "19381131, 1938-11-30, CLOSE",
    "19381131, 1938-11-21, CLOSE",
    "1938-02-30, 1938-02-20, CLOSE",
    "1938-13-05, 1938-05-13, CLOSE",
    "19381131, 19381131, CLOSE",
    "1938-11-30, 19381131, CLOSE",
  })
  void anImpossibleDateIsANearMissNeverTheSame(String request, String record, Level level) {
    AttributeMatch a =
        attribute(keys(request, null, List.of()), keys(record, null, List.of()), "birthDate")
            .orElseThrow();
    assertThat(a.level()).isEqualTo(level);
    if (level == Level.CLOSE && !request.equals("1938-11-30")) {
      assertThat(a.explanation()).contains("does not exist");
    }
  }

  @Test
  void anImpossibleDateFarFromTheOtherSaysNothingAsBeforeItWasKept() {
    assertThat(
            attribute(
                keys("19381131", null, List.of()),
                keys("1975-03-05", null, List.of()),
                "birthDate"))
        .isEmpty();
    assertThat(
            attribute(
                keys("1938-11-30", null, List.of()),
                keys("1975-03-05", null, List.of()),
                "birthDate"))
        .hasValueSatisfying(a -> assertThat(a.level()).isEqualTo(Level.DIFFERENT));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      10 Downing Street, London SW1A 2AA | london sw1a 2aa, downing street 10 | SAME
      10 Downing Street, London SW1A 2AA | 10 Downing St, London SW1A 2AA     | CLOSE
      10 Downing Street, London SW1A 2AA | 5 Avenue Anatole France, Paris     | DIFFERENT
      Maple Road, Springfield | Mapel Raod, Springfeild | CLOSE
      661 Maple Road, Springfield, IL 62704, USA | 616 Maple Road, Springfield, IL 62740, USA | CLOSE
      661 Maple Road, Springfield, IL 62704       | 616 Oak Road, Springfield, IL 62740         | DIFFERENT
      Springfield 62704 | Springfield 62705 | DIFFERENT
      """)
  void anAddressAbroadComparesByItsWords(String request, String record, Level level) {
    AttributeMatch a =
        attribute(keys(null, request, List.of()), keys(null, record, List.of()), "address")
            .orElseThrow();
    assertThat(a.level()).isEqualTo(level);
    assertThat(a.evidence()).isEqualTo(Evidence.HOUSEHOLD);
  }

  @Test
  void anAddressAbroadSaysNothingAboutAJapaneseOne() {
    assertThat(
            attribute(
                keys(null, "10 Downing Street, London", List.of()),
                keys(null, "大阪府大阪市中央区安土町3-5-13", List.of()),
                "address"))
        .isEmpty();
  }

  @Test
  void anUnverifiedNumberIsHouseholdEvidenceAndSaysSo() {
    AttributeMatch a =
        attribute(
                keys(null, null, List.of("073(309)2424")),
                keys(null, null, List.of("0733092424 内線5")),
                "phone")
            .orElseThrow();
    assertThat(a.level()).isEqualTo(Level.SAME);
    assertThat(a.evidence()).isEqualTo(Evidence.HOUSEHOLD);
    assertThat(a.explanation()).contains("unverified");
  }
}
