package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDatesTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  /** input | ISO key (or !failure.code) | notation */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "1975-03-05 | 1975-03-05 | GREGORIAN",
        "1975/3/5 | 1975-03-05 | GREGORIAN",
        "1975.3.5 | 1975-03-05 | GREGORIAN",
        "19750305 | 1975-03-05 | GREGORIAN",
        "1975年3月5日 | 1975-03-05 | GREGORIAN",
        "１９７５年３月５日 | 1975-03-05 | GREGORIAN",
        "一九七五年三月五日 | 1975-03-05 | GREGORIAN",
        "' 1975 / 03 / 05 ' | 1975-03-05 | GREGORIAN",
        "昭和50年3月5日 | 1975-03-05 | JAPANESE_ERA",
        "昭和五十年三月五日 | 1975-03-05 | JAPANESE_ERA",
        "昭和50年3月5日生 | 1975-03-05 | JAPANESE_ERA",
        "S50.3.5 | 1975-03-05 | JAPANESE_ERA",
        "S50/3/5 | 1975-03-05 | JAPANESE_ERA",
        "s50-3-5 | 1975-03-05 | JAPANESE_ERA",
        "昭50.3.5 | 1975-03-05 | JAPANESE_ERA",
        "Ｓ５０．３．５ | 1975-03-05 | JAPANESE_ERA",
        "H1.1.8 | 1989-01-08 | JAPANESE_ERA",
        "平成元年1月8日 | 1989-01-08 | JAPANESE_ERA",
        "昭和64年1月7日 | 1989-01-07 | JAPANESE_ERA",
        "令和元年5月1日 | 2019-05-01 | JAPANESE_ERA",
        "R1.5.1 | 2019-05-01 | JAPANESE_ERA",
        "大正15年12月24日 | 1926-12-24 | JAPANESE_ERA",
        "大正15年12月25日 | !date.outside_era | -",
        "T1.7.30 | 1912-07-30 | JAPANESE_ERA",
        "明治6年1月1日 | 1873-01-01 | JAPANESE_ERA",
        "M45.7.29 | 1912-07-29 | JAPANESE_ERA",
        "2000-02-29 | 2000-02-29 | GREGORIAN",
        "昭和50年2月30日 | !date.no_such_day | -",
        "1975-02-29 | !date.no_such_day | -",
        "1975-13-01 | !date.no_such_day | -",
        "昭和64年1月8日 | !date.outside_era | -",
        "平成31年5月1日 | !date.outside_era | -",
        "昭和元年12月24日 | !date.outside_era | -",
        "H0.1.1 | !date.outside_era | -",
        "明治5年12月31日 | !date.out_of_range | -",
        "1850-01-01 | !date.out_of_range | -",
        "2030-01-01 | !date.in_future | -",
        "R9.1.1 | !date.in_future | -",
        "75/3/5 | !date.ambiguous | -",
        "750305 | !date.ambiguous | -",
        "5/3/1975 | !date.ambiguous | -",
        "75年3月5日 | !date.ambiguous | -",
        "yesterday | !date.unrecognized | -",
        "1975-03 | !date.unrecognized | -",
        "X50.3.5 | !date.unrecognized | -",
        "'' | !date.empty | -",
      })
  void parses(String input, String key, String notation) {
    Normalized<BirthDate> result = BirthDates.parse(input, TODAY);
    if (key.startsWith("!")) {
      assertThat(result.failureIfAny())
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(key.substring(1)));
      return;
    }
    BirthDate d = result.orElseThrow();
    assertThat(d.key()).isEqualTo(key);
    assertThat(d.notation().name()).isEqualTo(notation);
  }
}
