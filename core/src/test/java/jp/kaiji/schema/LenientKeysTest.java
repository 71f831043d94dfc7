package jp.kaiji.schema;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.query.SubjectQuery.PostalAddress;
import org.junit.jupiter.api.Test;

/** Values that fail strict normalization, on both sides: still keys, in their weakest form. */
class LenientKeysTest {
  static final IdentityMapping MAPPING =
      mapping()
          .fullName("name")
          .birthDate("born")
          .postcode("zip")
          .address("address")
          .phones("tel")
          .build();

  @Test
  void theRequestUsesEachValueInItsWeakestFormAndSaysSo() {
    RequestIdentity.Parsed p =
        RequestIdentity.parse(
            new SubjectQuery(
                Optional.of("John Smith"),
                Optional.empty(),
                List.of(),
                Optional.of("19381131"),
                List.of(new PostalAddress(Optional.of("SW1A 1AA"), "10 Downing Street, London")),
                List.of("090-1234-5678 (内)418", "073(309)2424"),
                List.of()));
    assertThat(p.keys().birthDates()).containsExactly("19381131");
    assertThat(p.keys().phones())
        .containsExactly(
            new IdentityKeys.PhoneKey("+819012345678", true, true),
            new IdentityKeys.PhoneKey("+81733092424", false, false));
    assertThat(p.keys().addresses()).hasSize(1);
    assertThat(p.keys().addresses().getFirst().freeText())
        .contains("10 downing street london sw1a 1aa");
    assertThat(p.unusable())
        .extracting(u -> u.field() + ":" + u.code())
        .containsExactly(
            "birthDate:date.no_such_day", "addresses[0]:postcode.shape", "phones[1]:phone.invalid");
    assertThat(p.unusable().getFirst().reason()).endsWith("used as a near miss");
    assertThat(p.unusable().get(2).reason()).endsWith("used as an unverified number");
  }

  @Test
  void aSourceRowKeepsItsPhoneDateAndAddressInsteadOfDroppingThem() {
    NormalizedRecord r =
        RecordNormalizer.normalize(
            MAPPING,
            Map.of(
                "name", "Jane DOE",
                "born", "1938-02-30",
                "zip", "",
                "address", "221B Baker St., London NW1 6XE, U.K.",
                "tel", "084-434-2324 内線12"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.keys())
        .contains(
            new NormalizedRecord.Key(IndexSchema.BIRTH_DATE_NEAR_MISS, "19380230"),
            new NormalizedRecord.Key(IndexSchema.PHONE_E164, "+81844342324"),
            new NormalizedRecord.Key(IndexSchema.PHONE_LINE, "+81844342324 UNVERIFIED"),
            new NormalizedRecord.Key(IndexSchema.ADDRESS_TEXT, "221b baker st london nw1 6xe u k"));
    // Never an exact key: neither a birth date nor a mobile.
    assertThat(r.keys())
        .noneMatch(
            k ->
                k.field().equals(IndexSchema.BIRTH_DATE)
                    || (k.field().equals(IndexSchema.PHONE_LINE) && k.value().endsWith("MOBILE")));
  }

  @Test
  void freeTextIgnoresCaseWidthPunctuationAndOrder() {
    String a =
        KeyRules.freeTextAddress(null, "12, Rue de Rivoli — 75001 PARIS (France)", false)
            .orElseThrow()
            .freeText()
            .orElseThrow();
    String b =
        KeyRules.freeTextAddress("75001", "ｆｒａｎｃｅ, paris; 12 rue de rivoli", false)
            .orElseThrow()
            .freeText()
            .orElseThrow();
    assertThat(KeyRules.tokens(a)).isEqualTo(KeyRules.tokens(b));
    assertThat(KeyRules.freeTextAddress(null, " ,.; ", false)).isEmpty();
  }
}
