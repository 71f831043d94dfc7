package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The same identifier written in the ways the group's data writes it always gives one key. */
class IdentifierVariantProperties {
  private static final Map<Integer, Integer> VARIANT_OF =
      KanjiVariants.get().rows().stream()
          .collect(
              Collectors.toMap(
                  KanjiVariants.Row::standard, KanjiVariants.Row::variant, (a, b) -> a));

  @Provide
  Arbitrary<String> mobile() {
    return Combinators.combine(
            Arbitraries.of("070", "080", "090"), Arbitraries.strings().numeric().ofLength(8))
        .as(
            (prefix, rest) ->
                prefix + (char) ('1' + (rest.charAt(0) - '0') % 9) + rest.substring(1));
  }

  @Property
  void aMobileNumberWrittenFiveWaysHasOneKey(@ForAll("mobile") String n) {
    String a = n.substring(0, 3);
    String b = n.substring(3, 7);
    String c = n.substring(7);
    List<String> written =
        List.of(
            a + "-" + b + "-" + c,
            n,
            "+81 " + a.substring(1) + " " + b + " " + c,
            fullWidth(a + "－" + b + "－" + c),
            "tel:+81-" + a.substring(1) + "-" + b + "-" + c,
            "(" + a + ")" + b + "-" + c);
    Set<String> keys =
        written.stream()
            .map(s -> Phones.normalize(s).orElseThrow().e164())
            .collect(Collectors.toSet());
    assertThat(keys).containsExactly("+81" + n.substring(1));
    assertThat(Phones.normalize(n).orElseThrow().lineType()).isEqualTo(Phone.LineType.MOBILE);
  }

  @Property
  void aDateWrittenInFiveNotationsHasOneKey(@ForAll @IntRange(min = 0, max = 35_000) int offset) {
    LocalDate d = LocalDate.of(1927, 1, 1).plusDays(offset);
    JapaneseDate j = JapaneseDate.from(d);
    JapaneseEra era = j.getEra();
    int yoe = j.get(ChronoField.YEAR_OF_ERA);
    String eraName = List.of("明治", "大正", "昭和", "平成", "令和").get(era.getValue() + 1);
    String eraLetter = List.of("M", "T", "S", "H", "R").get(era.getValue() + 1);
    List<String> written =
        List.of(
            d.toString(),
            d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth(),
            d.toString().replace("-", ""),
            fullWidth(d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"),
            eraName
                + (yoe == 1 ? "元" : String.valueOf(yoe))
                + "年"
                + d.getMonthValue()
                + "月"
                + d.getDayOfMonth()
                + "日",
            eraLetter + yoe + "." + d.getMonthValue() + "." + d.getDayOfMonth());
    LocalDate today = LocalDate.of(2035, 1, 1);
    Set<String> keys =
        written.stream()
            .map(s -> BirthDates.parse(s, today).orElseThrow().key())
            .collect(Collectors.toSet());
    assertThat(keys).containsExactly(d.toString());
  }

  @Provide
  Arbitrary<String> family() {
    return Arbitraries.of(
        "高橋", "山崎", "渡辺", "斎藤", "斉藤", "沢田", "浜田", "島田", "広瀬", "吉田", "徳永", "山田", "佐藤");
  }

  @Provide
  Arbitrary<String> given() {
    return Arbitraries.of("桜", "真一", "実", "恵子", "国男", "学", "太郎", "花子", "竜也", "龍之介");
  }

  @Property
  void aNameWrittenWithVariantsAndSpacesHasOneKey(
      @ForAll("family") String family, @ForAll("given") String given) {
    String full = family + given;
    List<String> written =
        List.of(
            family + " " + given,
            family + "\u3000" + given,
            full,
            withVariants(family) + "　" + withVariants(given) + " 様",
            withVariants(full) + "さん");
    Set<String> keys =
        written.stream()
            .map(s -> Names.normalize(s).orElseThrow().fullKey())
            .collect(Collectors.toSet());
    assertThat(keys).containsExactly(full);
    assertThat(Names.normalize(withVariants(family), given).orElseThrow().familyKey())
        .contains(family);
  }

  @Property
  void aReadingWrittenInAnyKanaHasOneKey(
      @ForAll("kana") String familyReading, @ForAll("kana") String givenReading) {
    String kata = familyReading + " " + givenReading;
    List<String> written =
        List.of(kata, hiragana(kata), halfWidth(kata), familyReading + "\u3000" + givenReading);
    Set<String> keys =
        written.stream()
            .map(s -> Readings.normalize(s).orElseThrow().key())
            .collect(Collectors.toSet());
    assertThat(keys).containsExactly(familyReading + givenReading);
    String loose = Readings.normalize(kata).orElseThrow().looseKey();
    assertThat(Readings.normalize(familyReading + givenReading).orElseThrow().looseKey())
        .isEqualTo(loose);
  }

  @Provide
  Arbitrary<String> kana() {
    return Arbitraries.strings()
        .withChars("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポッャュョー")
        .ofMinLength(1)
        .ofMaxLength(6)
        .filter(s -> "ッャュョー".indexOf(s.charAt(0)) < 0);
  }

  private static String withVariants(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> out.appendCodePoint(VARIANT_OF.getOrDefault(cp, cp)));
    return out.toString();
  }

  static String fullWidth(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
    }
    return out.toString();
  }

  private static String hiragana(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
    }
    return out.toString();
  }

  private static String halfWidth(String s) {
    // ICU-free inverse of NFKC for katakana: decompose voiced marks, then map to U+FF61 block.
    String table =
        "ｧｱｨｲｩｳｪｴｫｵｶｶｷｷｸｸｹｹｺｺｻｻｼｼｽｽｾｾｿｿﾀﾀﾁﾁｯﾂﾂﾃﾃﾄﾄﾅﾆﾇﾈﾉﾊﾊﾊﾋﾋﾋﾌﾌﾌﾍﾍﾍﾎﾎﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝ";
    StringBuilder out = new StringBuilder();
    for (char c : Normalizer.normalize(s, Normalizer.Form.NFD).toCharArray()) {
      if (c >= 'ァ' && c <= 'ン') {
        out.append(table.charAt(c - 'ァ'));
      } else if (c == '\u3099') {
        out.append('ﾞ');
      } else if (c == '\u309A') {
        out.append('ﾟ');
      } else if (c == 'ー') {
        out.append('ｰ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
