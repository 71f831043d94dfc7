package jp.kaiji.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.query.SubjectQuery.PostalAddress;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RequestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a record naming the requester in katakana (グエン ミン) and a request naming them in Latin
 * letters (Minh Nguyen), or the reverse, compare as one name, at most as a reading agreeing with a
 * name does; a family member stays another person.
 */
class KanaLatinComparisonTest {
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

  private static final String HOME = "大阪府大阪市中央区安土町3-5-13";

  private static IdentityKeys person(String name, String birth, String address, List<String> phones)
      throws Exception {
    return RequestIdentity.of(
        new SubjectQuery(
            Optional.of(name),
            Optional.empty(),
            List.of(),
            Optional.ofNullable(birth),
            address == null ? List.of() : List.of(new PostalAddress(Optional.empty(), address)),
            phones,
            List.of()));
  }

  private static AttributeMatch name(Comparison c) {
    return c.attributes().stream().filter(a -> a.attribute().equals("name")).findFirst().get();
  }

  @Test
  void aKatakanaRecordOfTheLatinNameIsEquivalentAndConfirmsWithTheBirthDate() throws Exception {
    IdentityKeys request = person("Minh Nguyen", "1969-11-30", null, List.of());
    IdentityKeys record = person("グエン・ミン", "1969-11-30", null, List.of());
    Comparison c = comparator.compare(request, record);
    assertThat(name(c).level()).isEqualTo(Level.EQUIVALENT);
    assertThat(name(c).explanation()).contains("グエン・ミン transcribes minh nguyen");
    assertThat(c.tier()).contains(MatchTier.CONFIRMED);
    // The reverse: a form written in katakana, a source in Latin letters.
    assertThat(comparator.compare(record, request).tier()).contains(MatchTier.CONFIRMED);
  }

  @Test
  void aTranscriptionMetOnlyWithinTheTypoToleranceIsCloseAndNeedsAnotherIdentifier()
      throws Exception {
    IdentityKeys request = person("SCHMIDT, Peter", "1969-11-30", null, List.of("080-2222-3333"));
    IdentityKeys sameBirth = person("シュミット ピーター", "1969-11-30", null, List.of());
    Comparison c = comparator.compare(request, sameBirth);
    assertThat(name(c).level()).isEqualTo(Level.CLOSE);
    assertThat(c.tier()).contains(MatchTier.NEEDS_REVIEW);
    IdentityKeys withMobile = person("シュミット ピーター", "1969-11-30", null, List.of("08022223333"));
    assertThat(comparator.compare(request, withMobile).tier()).contains(MatchTier.CONFIRMED);
  }

  @Test
  void aFamilyMemberInKatakanaStaysAnotherPerson() throws Exception {
    IdentityKeys request = person("Garcia Maria", "1969-11-30", HOME, List.of("06-4400-1876"));
    IdentityKeys sister = person("ガルシア アナ", null, HOME, List.of("0644001876"));
    Comparison c = comparator.compare(request, sister);
    assertThat(c.contradicts("name")).isTrue();
    assertThat(c.tier()).isEmpty();
    IdentityKeys twin = person("ガルシア マリオ", "1969-11-30", HOME, List.of("0644001876"));
    assertThat(comparator.compare(request, twin).tier())
        .isNotEqualTo(Optional.of(MatchTier.CONFIRMED));
  }

  @Test
  void aJapaneseNameInKanjiIsNotComparedWithRomaji() throws Exception {
    // Kanji cannot be transcribed without a reading: as before, the names do not meet.
    IdentityKeys request = person("Taro Yamada", "1975-03-05", null, List.of());
    IdentityKeys record = person("山田 太郎", "1975-03-05", null, List.of());
    assertThat(comparator.compare(request, record).contradicts("name")).isTrue();
    IdentityKeys kana = person("ヤマダ タロウ", "1975-03-05", null, List.of());
    assertThat(name(comparator.compare(request, kana)).level()).isEqualTo(Level.EQUIVALENT);
  }
}
