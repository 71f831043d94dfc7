package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {
  /**
   * postcode field | address text | postcode | prefecture | city | town | block | building (or
   * !code)
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "- | 大阪府大阪市中央区本町4-1-1 | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 大阪府大阪市中央区本町四丁目1番1号 | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 大阪府大阪市中央区本町４－１－１ | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 大阪府大阪市中央区本町4丁目1-1 | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 大阪府大阪市中央区本町4ー1ー1 | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 大阪府 大阪市 中央区 本町 4-1-1 | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 〒541-0053 大阪府大阪市中央区本町4-1-1 本町ガーデンシティテラス8階 | 5410053 | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | 本町ガーデンシティテラス8階",
        "- | 〒５４１００５３　大阪市中央区本町4-1-1 | 5410053 | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "541-0053 | 本町4-1-1 | 5410053 | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "〒541-0053 | 大阪府大阪市中央区本町4-1-1 | 5410053 | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 541-0053 大阪府大阪市中央区本町4-1-1 | 5410053 | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 東京都西多摩郡瑞穂町石畑3-5-13 | - | 東京都 | 西多摩郡瑞穂町 | 石畑 | 3-5-13 | -",
        "- | 東京都瑞穂町石畑三丁目5番13号 グランドメゾン101号室 | - | 東京都 | 西多摩郡瑞穂町 | 石畑 | 3-5-13 | グランドメゾン101号室",
        "- | 東京都千代田区一ツ橋2-1-1 | - | 東京都 | 千代田区 | 一ツ橋 | 2-1-1 | -",
        "- | 千代田区一ツ橋二丁目1番1号 | - | 東京都 | 千代田区 | 一ツ橋 | 2-1-1 | -",
        "- | 北海道札幌市北区北十条西3丁目 | - | 北海道 | 札幌市北区 | 北十条西 | 3 | -",
        "- | 札幌市北区北10条西3丁目 | - | 北海道 | 札幌市北区 | 北十条西 | 3 | -",
        "- | 東京都千代田区丸の内1-1-1 | - | 東京都 | 千代田区 | 丸の内 | 1-1-1 | -",
        "- | 東京都千代田区丸の内1-2-3-405 | - | 東京都 | 千代田区 | 丸の内 | 1-2-3 | 405",
        "- | 東京都千代田区丸の内1-6-23-19 | - | 東京都 | 千代田区 | 丸の内 | 1-6-23-19 | -",
        "- | 東京都千代田区丸の内1-2-3 405 | - | 東京都 | 千代田区 | 丸の内 | 1-2-3 | 405",
        "- | 東京都千代田区丸の内1-2-3-405号室 | - | 東京都 | 千代田区 | 丸の内 | 1-2-3 | 405号室",
        "- | 東京都千代田区丸の内1-2-3-4F | - | 東京都 | 千代田区 | 丸の内 | 1-2-3 | 4F",
        "- | 千葉県柏市十余二3-4 | - | 千葉県 | 柏市 | 十余二 | 3-4 | -",
        "- | 東京都千代田区丸の内一丁目2番3号三井ビル | - | 東京都 | 千代田区 | 丸の内 | 1-2-3 | 三井ビル",
        "- | 東京都千代田区丸の内1丁目 三井ビル | - | 東京都 | 千代田区 | 丸の内 | 1 | 三井ビル",
        "- | 福島県伊達市保原町1丁目2-3 | - | 福島県 | 伊達市 | 保原町 | 1-2-3 | -",
        "- | 福島県伊達市保原町1-2-3 | - | 福島県 | 伊達市 | 保原町 | 1-2-3 | -",
        "- | 東京都府中市宮西町1-1 | - | 東京都 | 府中市 | 宮西町 | 1-1 | -",
        "- | 東京都府中市 | - | 東京都 | 府中市 | - | - | -",
        "- | 大阪府 | - | 大阪府 | - | - | - | -",
        "- | 大阪府どこか1-2-3 | - | 大阪府 | - | - | - | どこか1-2-3",
        "- | 大阪府大阪市中央区どこか町1-2 | - | 大阪府 | 大阪市中央区 | - | - | どこか町1-2",
        "- | 〒100-0003 大阪府大阪市中央区本町4-1-1 | - | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 〒100-0003 | 1000003 | 東京都 | 千代田区 | 一ツ橋 | - | -",
        "1000003 | - | 1000003 | 東京都 | 千代田区 | 一ツ橋 | - | -",
        "- | 〒999-9998 大阪府大阪市中央区本町4-1-1 | 9999998 | 大阪府 | 大阪市中央区 | 本町 | 4-1-1 | -",
        "- | 〒0000000 | !postcode.unknown | - | - | - | - | -",
        "12-3456 | 大阪府 | !postcode.shape | - | - | - | - | -",
        "- | 〒12-345 大阪府 | !postcode.shape | - | - | - | - | -",
        "- | 府中市宮西町1-1 | - | 東京都 | 府中市 | 宮西町 | 1-1 | -",
        "- | London SW1A 1AA | !address.unresolved | - | - | - | - | -",
        "- | '　' | !address.empty | - | - | - | - | -",
      })
  void normalizes(
      String postcodeField,
      String text,
      String postcode,
      String prefecture,
      String city,
      String town,
      String block,
      String building) {
    Normalized<Address> result = Addresses.normalize(postcodeField, text);
    if (postcode != null && postcode.startsWith("!")) {
      assertThat(result.failureIfAny())
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(postcode.substring(1)));
      return;
    }
    Address a = result.orElseThrow();
    assertThat(a.postcode().orElse(null)).as("postcode").isEqualTo(postcode);
    assertThat(a.prefecture().orElse(null)).as("prefecture").isEqualTo(prefecture);
    assertThat(a.city().orElse(null)).as("city").isEqualTo(city);
    assertThat(a.town().orElse(null)).as("town").isEqualTo(town);
    assertThat(a.block().orElse(null)).as("block").isEqualTo(block);
    assertThat(a.building().orElse(null)).as("building").isEqualTo(building);
  }

  @Test
  void buildingIsInNoKey() {
    List<Address.Key> with =
        Addresses.normalize("大阪府大阪市中央区本町4-1-1 グランドメゾン101号室").orElseThrow().keys();
    List<Address.Key> without = Addresses.normalize("大阪府大阪市中央区本町4-1-1").orElseThrow().keys();
    assertThat(with).isEqualTo(without).hasSize(3);
    assertThat(with.get(2).value()).isEqualTo("大阪府大阪市中央区本町4-1-1");
  }

  @Test
  void aPrefectureAloneYieldsNoKey() {
    assertThat(Addresses.normalize("大阪府").orElseThrow().keys()).isEmpty();
    assertThat(Addresses.normalize("東京都府中市").orElseThrow().keys())
        .extracting(Address.Key::precision)
        .containsExactly(Address.Precision.PREFECTURE_CITY);
  }
}
