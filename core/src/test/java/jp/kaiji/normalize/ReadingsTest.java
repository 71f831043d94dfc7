package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingsTest {
  /** input | key (or !failure.code) | loose key | family | given */
  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "ヤマダ タロウ | ヤマダタロウ | ヤマダタロ | ヤマダ | タロウ",
        "やまだ たろう | ヤマダタロウ | ヤマダタロ | ヤマダ | タロウ",
        "ﾔﾏﾀﾞ ﾀﾛｳ | ヤマダタロウ | ヤマダタロ | ヤマダ | タロウ",
        "ヤマダ　タロウ | ヤマダタロウ | ヤマダタロ | ヤマダ | タロウ",
        "ヤマダタロウ | ヤマダタロウ | ヤマダタロ | - | -",
        "オオノ | オオノ | オノ | - | -",
        "オーノ | オーノ | オノ | - | -",
        "オノ | オノ | オノ | - | -",
        "おおの | オオノ | オノ | - | -",
        "ユウコ | ユウコ | ユコ | - | -",
        "ユーコ | ユーコ | ユコ | - | -",
        "ユコ | ユコ | ユコ | - | -",
        "サトウ | サトウ | サト | - | -",
        "サトー | サトー | サト | - | -",
        "ケイコ | ケイコ | ケコ | - | -",
        "キョウコ | キョウコ | キヨコ | - | -",
        "ハットリ | ハットリ | ハツトリ | - | -",
        "ヴィヴィアン | ヴィヴィアン | ブイブイアン | - | -",
        "チヂワ | チヂワ | チジワ | - | -",
        "ツヅキ | ツヅキ | ツズキ | - | -",
        "ヲノ | ヲノ | オノ | - | -",
        "ジョン・スミス | ジョンスミス | ジヨンスミス | - | -",
        "ｶﾞｯｺｳ | ガッコウ | ガツコ | - | -",
        "スズキ イチロー | スズキイチロー | スズキチロ | スズキ | イチロー",
        "ゝ | ヽ | ヽ | - | -",
        "山田 | !reading.not_kana | - | - | -",
        "Yamada | !reading.not_kana | - | - | -",
        "ヤマダ1 | !reading.not_kana | - | - | -",
        "ヤマダ太郎 | !reading.not_kana | - | - | -",
        "'' | !reading.empty | - | - | -",
        "'　' | !reading.empty | - | - | -",
        "・ | !reading.empty | - | - | -",
      })
  // The loose key is computed on the key without spaces, so that a reading written with or without
  // the space between family and given name gets the same one (hence スズキチロ above).
  void normalizes(String input, String key, String loose, String family, String given) {
    Normalized<Reading> result = Readings.normalize(input);
    if (key.startsWith("!")) {
      assertThat(result.failureIfAny())
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(key.substring(1)));
      return;
    }
    Reading r = result.orElseThrow();
    assertThat(r.key()).isEqualTo(key);
    assertThat(r.looseKey()).isEqualTo(loose);
    assertThat(r.familyKey().orElse(null)).isEqualTo(family);
    assertThat(r.givenKey().orElse(null)).isEqualTo(given);
    assertThat(r.derived()).isFalse();
  }
}
