package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
  /** input | full key (or !failure.code) | family key | given key | script */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "山田 太郎 | 山田太郎 | 山田 | 太郎 | JAPANESE",
        "山田　太郎 | 山田太郎 | 山田 | 太郎 | JAPANESE",
        "山田太郎 | 山田太郎 | - | - | JAPANESE",
        "'  山田   太郎  ' | 山田太郎 | 山田 | 太郎 | JAPANESE",
        "ﾔﾏﾀﾞ ﾀﾛｳ | ヤマダタロウ | ヤマダ | タロウ | JAPANESE",
        "髙橋 一郎 | 高橋一郎 | 高橋 | 一郎 | JAPANESE",
        "山﨑 花子 | 山崎花子 | 山崎 | 花子 | JAPANESE",
        "渡邊 健 | 渡辺健 | 渡辺 | 健 | JAPANESE",
        "渡邉健 | 渡辺健 | - | - | JAPANESE",
        "齋藤 翔 | 斎藤翔 | 斎藤 | 翔 | JAPANESE",
        "齊藤 翔 | 斉藤翔 | 斉藤 | 翔 | JAPANESE",
        "澤田 眞 | 沢田真 | 沢田 | 真 | JAPANESE",
        "濱田 櫻 | 浜田桜 | 浜田 | 桜 | JAPANESE",
        "嶋 廣 | 島広 | 島 | 広 | JAPANESE",
        "𠮷田 惠 | 吉田恵 | 吉田 | 恵 | JAPANESE",
        "德永 實 | 徳永実 | 徳永 | 実 | JAPANESE",
        "龍ヶ崎 龍 | 龍ヶ崎龍 | 龍ヶ崎 | 龍 | JAPANESE",
        "竜 太郎 | 竜太郎 | 竜 | 太郎 | JAPANESE",
        "山田 太郎 様 | 山田太郎 | 山田 | 太郎 | JAPANESE",
        "山田太郎様 | 山田太郎 | - | - | JAPANESE",
        "山田 花子さん | 山田花子 | 山田 | 花子 | JAPANESE",
        "山田太郎殿 | 山田太郎 | - | - | JAPANESE",
        // What follows the honorific never reaches the key, so it does not hide it (the fuzz
        // property found A樣!, whose key A様 normalized again to A).
        "山田太郎様！ | 山田太郎 | - | - | JAPANESE",
        "A樣! | a | - | - | JAPANESE",
        "山田 太郎君 | 山田太郎 | 山田 | 太郎 | JAPANESE",
        "山田太郎（ヤマダタロウ） | 山田太郎 | - | - | JAPANESE",
        "ジョン・スミス | ジョンスミス | - | - | JAPANESE",
        "さくら | さくら | - | - | JAPANESE",
        "YAMADA Taro | taro yamada | yamada | taro | LATIN",
        "Taro YAMADA | taro yamada | yamada | taro | LATIN",
        "Taro Yamada | taro yamada | - | - | LATIN",
        "Smith, John | john smith | smith | john | LATIN",
        "Mr. John Smith | john smith | - | - | LATIN",
        "José Núñez | jose nunez | - | - | LATIN",
        "ＹＡＭＡＤＡ　Ｔａｒｏ | taro yamada | yamada | taro | LATIN",
        "Müller-Lüdenscheidt, Jürgen | jurgen ludenscheidt muller | muller ludenscheidt | jurgen | LATIN",
        "Seán O'Brien | obrien sean | - | - | LATIN",
        "山田1 | !name.digits | - | - | -",
        "Taro 2 | !name.digits | - | - | -",
        "!!! | !name.no_letters | - | - | -",
        "'　' | !name.empty | - | - | -",
        "'' | !name.empty | - | - | -",
        "・＝ | !name.no_letters | - | - | -",
      })
  void normalizesOneField(String input, String full, String family, String given, String script) {
    Normalized<PersonName> result = Names.normalize(input);
    if (full.startsWith("!")) {
      assertThat(result.failureIfAny())
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(full.substring(1)));
      return;
    }
    PersonName name = result.orElseThrow();
    assertThat(name.fullKey()).isEqualTo(full);
    assertThat(name.familyKey().orElse(null)).isEqualTo(family);
    assertThat(name.givenKey().orElse(null)).isEqualTo(given);
    assertThat(name.script().name()).isEqualTo(script);
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "髙橋 | 一郎 | 高橋一郎 | 高橋",
        "山田 | 太郎 様 | 山田太郎 | 山田",
        "ﾔﾏﾀﾞ | ﾀﾛｳ | ヤマダタロウ | ヤマダ",
        "YAMADA | Taro | taro yamada | yamada",
        "山田 太郎 | '' | 山田太郎 | 山田",
      })
  void normalizesTwoFields(String family, String given, String full, String familyKey) {
    PersonName name = Names.normalize(family, given).orElseThrow();
    assertThat(name.fullKey()).isEqualTo(full);
    assertThat(name.familyKey()).contains(familyKey);
  }

  @Test
  void recordsEachFolding() {
    assertThat(Names.normalize("髙﨑 眞").orElseThrow().foldings())
        .containsExactly("髙→高", "﨑→崎", "眞→真");
    assertThat(Names.normalize("山田 太郎").orElseThrow().foldings()).isEmpty();
  }

  @Test
  void bothFieldsBlankIsEmpty() {
    assertThat(Names.normalize(null, " ").failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("name.empty"));
    assertThat(Names.normalize((String) null).isOk()).isFalse();
  }

  @Test
  void distinctNameKanjiStayDistinct() {
    List<List<String>> distinct =
        List.of(
            List.of("広", "弘", "宏", "博", "浩"),
            List.of("斉", "斎"),
            List.of("沢", "択"),
            List.of("島", "鳥"),
            List.of("辺", "返"),
            List.of("竜", "龍"),
            List.of("崎", "埼", "碕"),
            List.of("高", "鷹"),
            List.of("浜", "兵"),
            List.of("国", "圏"),
            List.of("恵", "慧"),
            List.of("真", "槙", "慎"),
            List.of("実", "美"),
            List.of("桜", "楼"),
            List.of("徳", "穂"));
    for (List<String> group : distinct) {
      List<String> keys =
          group.stream().map(k -> Names.normalize(k).orElseThrow().fullKey()).distinct().toList();
      assertThat(keys).as("keys of %s", group).hasSameSizeAs(group);
    }
  }
}
