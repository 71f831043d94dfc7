package jp.kaiji.schema;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.normalize.IssuedIds;
import jp.kaiji.normalize.Sexes;
import jp.kaiji.query.SubjectQuery;
import org.junit.jupiter.api.Test;

/** Issue 15's roles: sex and issued numbers are keys; work context is kept, never a key. */
class RoleKeysTest {
  private static final IdentityMapping PARTNER =
      mapping()
          .fullName("氏名")
          .phones("直通電話")
          .build()
          .withRoles(
              Optional.of("性別"),
              List.of(new IdentityMapping.IssuedIdColumn("担当者ID", "partner-contact")),
              List.of("会社名", "所在地"),
              List.of("代表電話"),
              List.of("メールアドレス"));

  @Test
  void everySpellingOfTheSexReadsAsOneKeyAndUnknownCodesFail() {
    for (String male : List.of("男", "男性", "M", "ｍ", "male", "MALE", "1", " 1 ")) {
      assertThat(Sexes.normalize(male).toOptional()).as(male).contains("M");
    }
    for (String female : List.of("女", "女性", "F", "Ｆ", "female", "2")) {
      assertThat(Sexes.normalize(female).toOptional()).as(female).contains("F");
    }
    for (String unknown : List.of("0", "9", "不明", "x")) {
      assertThat(Sexes.normalize(unknown).failureIfAny())
          .as(unknown)
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("sex.unknown"));
    }
  }

  @Test
  void issuedNumbersKeepTheirSchemeAndLoseSpacingAndHyphens() {
    assertThat(IssuedIds.normalize("regate-member", "rg-0000 74").toOptional())
        .contains("regate-member:RG000074");
    assertThat(IssuedIds.normalize("regate-member", "ＲＧ００００７４").toOptional())
        .contains("regate-member:RG000074");
    assertThat(IssuedIds.normalize("regate-member", " - ").isOk()).isFalse();
  }

  @Test
  void workContextIsStoredForTheReviewerButIsNoKey() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("担当者ID", "PT-7");
    row.put("氏名", "林 恵珠");
    row.put("性別", "女");
    row.put("会社名", "株式会社中央商会");
    row.put("所在地", "山口県周南市西金剛山3-3-14");
    row.put("代表電話", "083-882-5292");
    row.put("直通電話", "070-7287-5474");
    row.put("メールアドレス", "megumi.hayashi@partner40.example.co.jp");
    NormalizedRecord n = RecordNormalizer.normalize(PARTNER, row);
    assertThat(n.keys()).contains(new NormalizedRecord.Key(IndexSchema.SEX, "F"));
    assertThat(n.keys())
        .contains(new NormalizedRecord.Key(IndexSchema.ISSUED_ID, "partner-contact:PT7"));
    assertThat(n.keys())
        .contains(new NormalizedRecord.Key(IndexSchema.WORK_CONTEXT, "work phone: 083-882-5292"));
    // The main number, the office and the company e-mail are no identity keys.
    assertThat(n.keys())
        .filteredOn(k -> !k.field().equals(IndexSchema.WORK_CONTEXT))
        .noneMatch(k -> k.value().contains("8825292") || k.value().contains("partner40"));
    assertThat(n.keys())
        .filteredOn(k -> k.field().equals(IndexSchema.PHONE_E164))
        .extracting(NormalizedRecord.Key::value)
        .containsExactly("+817072875474");
    assertThat(n.keys()).noneMatch(k -> k.field().startsWith("addr_"));
  }

  @Test
  void aFormsSexAndIssuedNumbersAreKeysAndAnUnreadableSexIsListedNotRefused() {
    RequestIdentity.Parsed p =
        RequestIdentity.parse(
            new SubjectQuery(
                Optional.of("林 恵珠"),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.of("?"),
                List.of(new SubjectQuery.IssuedId("regate-member", "RG00000074"))));
    assertThat(p.keys().issuedIds()).containsExactly("regate-member:RG00000074");
    assertThat(p.keys().sex()).isEmpty();
    assertThat(p.unusable()).singleElement().satisfies(u -> assertThat(u.field()).isEqualTo("sex"));
  }
}
