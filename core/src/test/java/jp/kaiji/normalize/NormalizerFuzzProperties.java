package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary Unicode never makes a normalizer throw, and every key it gives is a fixed point. */
class NormalizerFuzzProperties {
  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> japaneseish =
        Arbitraries.strings()
            .withChars(
                "〒0123456789０１２３４５６７８９-ー－‐丁目番地号の様さん殿君髙﨑邊齋 　()（）+＋@＠.,年月日昭和平成令和元SHRTMｱｲｳｶﾞﾟァッーｰ")
            .withCharRange('ぁ', 'ゖ')
            .withCharRange('ァ', 'ヺ')
            .withCharRange('一', '龥')
            .ofMaxLength(30);
    Arbitrary<String> surrogates =
        Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(6);
    Arbitrary<String> prefixed =
        Arbitraries.of(
                "大阪府大阪市中央区本町",
                "東京都千代田区丸の内",
                "tel:",
                "mailto:",
                "昭和",
                "S",
                "山田 ",
                "+81",
                "〒541-0053")
            .flatMap(p -> japaneseish.map(s -> p + s));
    return Arbitraries.oneOf(unicode, japaneseish, surrogates, prefixed);
  }

  @Property(tries = 1500)
  void namesNeverThrowAndKeysAreFixedPoints(@ForAll("anyText") String s) {
    Names.normalize(s)
        .toOptional()
        .ifPresent(
            n ->
                assertThat(Names.normalize(n.fullKey()).orElseThrow().fullKey())
                    .isEqualTo(n.fullKey()));
    Names.normalize(s, s);
  }

  @Property(tries = 1500)
  void readingsNeverThrowAndKeysAreFixedPoints(@ForAll("anyText") String s) {
    Readings.normalize(s)
        .toOptional()
        .ifPresent(
            r -> {
              assertThat(Readings.normalize(r.key()).orElseThrow().key()).isEqualTo(r.key());
              assertThat(Readings.normalize(r.looseKey()).orElseThrow().looseKey())
                  .isEqualTo(r.looseKey());
            });
  }

  @Property(tries = 1500)
  void addressesNeverThrowAndKeysAreFixedPoints(
      @ForAll("anyText") String s, @ForAll("anyText") String postcode) {
    Addresses.normalize(postcode, s);
    Addresses.normalize(s)
        .toOptional()
        .ifPresent(
            a ->
                a.keys().stream()
                    .reduce((first, second) -> second)
                    .ifPresent(
                        k ->
                            assertThat(Addresses.normalize(k.value()).orElseThrow().keys())
                                .last()
                                .isEqualTo(k)));
  }

  @Property(tries = 1500)
  void datesPhonesAndEmailsNeverThrowAndKeysAreFixedPoints(@ForAll("anyText") String s) {
    BirthDates.parse(s, LocalDate.of(2025, 6, 1))
        .toOptional()
        .ifPresent(
            d -> assertThat(BirthDates.parse(d.key()).orElseThrow().key()).isEqualTo(d.key()));
    Phones.normalize(s)
        .toOptional()
        .ifPresent(
            p -> assertThat(Phones.normalize(p.e164()).orElseThrow().e164()).isEqualTo(p.e164()));
    Emails.normalize(s)
        .toOptional()
        .ifPresent(
            e -> assertThat(Emails.normalize(e.key()).orElseThrow().key()).isEqualTo(e.key()));
  }
}
