package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhonesTest {
  /** input | E.164 key (or !failure.code) | line type | extension */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "06-4400-1876 | +81644001876 | FIXED_LINE | -",
        "0644001876 | +81644001876 | FIXED_LINE | -",
        "+81 6 4400 1876 | +81644001876 | FIXED_LINE | -",
        "+81-6-4400-1876 | +81644001876 | FIXED_LINE | -",
        "+81 (0)6 4400 1876 | +81644001876 | FIXED_LINE | -",
        "0081-6-4400-1876 | +81644001876 | FIXED_LINE | -",
        "010-81-6-4400-1876 | +81644001876 | FIXED_LINE | -",
        "０６－４４００－１８７６ | +81644001876 | FIXED_LINE | -",
        "（06）4400-1876 | +81644001876 | FIXED_LINE | -",
        "06(4400)1876 | +81644001876 | FIXED_LINE | -",
        "06ー4400ー1876 | +81644001876 | FIXED_LINE | -",
        "06−4400−1876 | +81644001876 | FIXED_LINE | -",
        "tel:06-4400-1876 | +81644001876 | FIXED_LINE | -",
        "TEL:+81-6-4400-1876 | +81644001876 | FIXED_LINE | -",
        "06-4400-1876（代表） | +81644001876 | FIXED_LINE | -",
        "06-4400-1876 内線123 | +81644001876 | FIXED_LINE | 123",
        "06-4400-1876（内線12） | +81644001876 | FIXED_LINE | 12",
        "06-4400-1876 ext. 12 | +81644001876 | FIXED_LINE | 12",
        "06-4400-1876 x7 | +81644001876 | FIXED_LINE | 7",
        "03-1234-5678 | +81312345678 | FIXED_LINE | -",
        "090-1234-5678 | +819012345678 | MOBILE | -",
        "080 1234 5678 | +818012345678 | MOBILE | -",
        "070-1234-5678 | +817012345678 | MOBILE | -",
        "＋８１　９０　１２３４　５６７８ | +819012345678 | MOBILE | -",
        "050-1234-5678 | +815012345678 | OTHER | -",
        "0120-123-456 | +81120123456 | OTHER | -",
        "0570-000-123 | +81570000123 | OTHER | -",
        "+1 212 555 0123 | +12125550123 | OTHER | -",
        "+44 20 7946 0958 | +442079460958 | FIXED_LINE | -",
        "090-1234-567 | !phone.invalid | - | -",
        "06-4400-18766 | !phone.invalid | - | -",
        "12345678 | !phone.invalid | - | -",
        "abc | !phone.unparsable | - | -",
        "06-4400-1876 / 090-1234-5678 | !phone.unparsable | - | -",
        "電話 06-4400-1876 | !phone.unparsable | - | -",
        "090-1234-5678abc | !phone.unparsable | - | -",
        "'' | !phone.empty | - | -",
        "'　' | !phone.empty | - | -",
      })
  void normalizes(String input, String key, String type, String extension) {
    Normalized<Phone> result = Phones.normalize(input);
    if (key.startsWith("!")) {
      assertThat(result.failureIfAny())
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(key.substring(1)));
      return;
    }
    Phone p = result.orElseThrow();
    assertThat(p.e164()).isEqualTo(key);
    assertThat(p.lineType().name()).isEqualTo(type);
    assertThat(p.extension().orElse(null)).isEqualTo(extension);
    assertThat(p.sha256()).isEqualTo(Hashes.sha256Hex(key));
  }
}
