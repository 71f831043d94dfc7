package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classes of address that issue 15 lists, each by cases written as people write them. */
class AddressClassesTest {
  /** Every spelling on one line has the block key of the first. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // ヶ / ケ / が / ヵ between kanji, in towns and cities
        "東京都国分寺市東恋ケ窪1-2-3 | 東京都国分寺市東恋ヶ窪1-2-3 | 国分寺市東恋が窪一丁目2番3号",
        "東京都目黒区自由が丘2-9-6 | 東京都目黒区自由ヶ丘2-9-6 | 東京都目黒区自由ケ丘2-9-6",
        "神奈川県茅ヶ崎市本村2-1-1 | 茅ケ崎市本村2-1-1 | 神奈川県茅ヵ崎市本村2丁目1-1",
        // 丁 without 目 (堺市)
        "大阪府堺市北区北花田町2丁目4-1 | 大阪府堺市北区北花田町二丁4-1 | 堺市北区北花田町2丁4番1号",
        // towns named with numerals: the name stays whole
        "岩手県花巻市十二丁目5-1 | 岩手県花巻市12丁目5-1 | 岩手花巻市十二丁目5番1号",
        "福島県郡山市日和田町八丁目3-2 | 福島県郡山市日和田町8丁目3-2 | -",
        // 大字 / 字 / 小字 below the postal town
        "福島県郡山市日和田町高倉123-4 | 郡山市大字日和田町高倉字中島123番地4 | 郡山市日和田町高倉小字中島123-4",
        // prefecture without 都 / 府 / 県
        "岩手県花巻市十二丁目5-1 | 岩手花巻市十二丁目5-1 | 岩手 花巻市 十二丁目 5-1",
        "京都府宇治市莵道1-2 | 京都宇治市莵道1-2 | 宇治市菟道1番地2",
        // variant kanji in place names
        "茨城県鹿嶋市宮中1-2-3 | 茨城県鹿島市宮中1-2-3 | -",
        "東京都府中市宮西町1-2-3 | 東京都府中巿宮西町1-2-3 | 東京府中巿宮西町1-2-3",
      })
  void spellingsShareTheBlockKey(String first, String second, String third) {
    String key = blockKey(first).orElseThrow();
    assertThat(blockKey(second)).as(second).contains(key);
    if (third != null) {
      assertThat(blockKey(third)).as(third).contains(key);
    }
  }

  @Test
  void townsNamedWithA丁目KeepTheirWholeName() {
    Address a = Addresses.normalize("岩手県花巻市十二丁目5-1").orElseThrow();
    assertThat(a.town()).contains("十二丁目");
    assertThat(a.block()).contains("5-1");
    Address perChome = Addresses.normalize("福島県伊達市保原町12丁目3-4").orElseThrow();
    assertThat(perChome.town()).contains("保原町");
    assertThat(perChome.block()).contains("12-3-4");
  }

  @Test
  void aSubdivisionNameIsNotABlockNumber() {
    Address a = Addresses.normalize("福島県郡山市日和田町高倉字三本松12番地 山田方").orElseThrow();
    assertThat(a.block()).contains("12");
    assertThat(a.building()).contains("山田方");
  }

  /**
   * A town whose name ends with ヶ (西郷山三ヶ) keeps it when a 字 name follows: ヶ folds alike before a
   * kanji and before a number (found by {@code AddressClassProperties}, seed 49838325870465).
   */
  @Test
  void aTownEndingWithヶKeepsItsBlockWhenASubdivisionFollows() {
    String plain = blockKey("宮崎県東臼杵郡美郷町西郷山三ヶ495-2").orElseThrow();
    assertThat(plain).isEqualTo("宮崎県東臼杵郡美郷町西郷山三ヶ495-2");
    assertThat(blockKey("宮崎県東臼杵郡美郷町西郷山三ヶ字西原495-2")).contains(plain);
    assertThat(blockKey("宮崎県東臼杵郡美郷町西郷山三ケ字西原495-2")).contains(plain);
  }

  @Test
  void a大字ThatJapanPostDoesNotListStillGivesATownAndBlock() {
    String key = blockKey("長野県南佐久郡北相木村大字山田123番地").orElseThrow();
    assertThat(key).isEqualTo("長野県南佐久郡北相木村大字山田123");
    assertThat(blockKey("北相木村大字山田字中島123")).contains(key);
    assertThat(blockKey("長野県北相木村字山田123-0")).isNotEqualTo(Optional.of(key));
    assertThat(blockKey("長野県北相木村大字川田123")).isPresent().isNotEqualTo(Optional.of(key));
    assertThat(blockKey(key)).contains(key);
    assertThat(Addresses.normalize("長野県北相木村大字山田 メゾン1").orElseThrow().town()).isEmpty();
  }

  @Test
  void fourNumberBlocksKeepEveryNumber() {
    List<String> keys =
        List.of(
                "東京都千代田区丸の内1-6-23-2",
                "東京都千代田区丸の内1-6-23-19",
                "東京都千代田区丸の内6-23-2",
                "東京都千代田区丸の内6-23-19")
            .stream()
            .map(s -> blockKey(s).orElseThrow())
            .toList();
    assertThat(new TreeSet<>(keys)).hasSize(4);
    assertThat(blockKey("東京都千代田区丸の内1丁目6番23-2")).contains(keys.get(0));
  }

  @Test
  void aShortPrefectureNeedsOneOfItsCitiesAfterIt() {
    Address kyoto = Addresses.normalize("京都市中京区二条通1").orElseThrow();
    assertThat(kyoto.prefecture()).contains("京都府");
    assertThat(kyoto.city()).contains("京都市中京区");
    Address hiroshima = Addresses.normalize("広島市中区基町1-1").orElseThrow();
    assertThat(hiroshima.prefecture()).contains("広島県");
    assertThat(hiroshima.city()).contains("広島市中区");
  }

  @Test
  void aCityOfTwoPrefecturesIsResolvedByItsTownOrPostcode() {
    assertThat(Addresses.normalize("府中市宮西町1-1").orElseThrow().prefecture()).contains("東京都");
    Address byPostcode = Addresses.normalize("〒183-0022 府中市宮西町1-1").orElseThrow();
    assertThat(byPostcode.prefecture()).contains("東京都");
    assertThat(byPostcode.postcode()).contains("1830022");
    // 鹿嶋市 (茨城県) folds as 佐賀県's 鹿島市 does: the town, or else the exact spelling, tells them apart.
    assertThat(Addresses.normalize("鹿島市宮中1-2").orElseThrow().prefecture()).contains("茨城県");
    assertThat(Addresses.normalize("鹿嶋市").orElseThrow().prefecture()).contains("茨城県");
    assertThat(Addresses.normalize("鹿島市").orElseThrow().prefecture()).contains("佐賀県");
    // 府中町 is a town of both 府中市: neither prefecture can be told.
    assertThat(Addresses.normalize("府中市府中町1-1").failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("address.unresolved"));
  }

  /** Folding never merges two towns of one city, nor two cities of one prefecture. */
  @Test
  void foldingMergesNoTwoPlaces() {
    AddressGazetteer g = AddressGazetteer.get();
    Map<String, Set<String>> byFolded = new HashMap<>();
    for (PostcodeDirectory.Place p : PostcodeDirectory.get().places()) {
      String city = Text.clean(p.city());
      byFolded
          .computeIfAbsent(p.prefecture() + "|" + PlaceNames.fold(city), k -> new TreeSet<>())
          .add(city);
      for (String town : Text.clean(p.town()).replace(" ", "").split("、")) {
        String canonical = g.canonicalTown(p.prefecture(), p.city(), town);
        byFolded
            .computeIfAbsent(
                p.prefecture() + city + "|" + PlaceNames.fold(canonical), k -> new TreeSet<>())
            .add(canonical);
      }
    }
    assertThat(byFolded.entrySet().stream().filter(e -> e.getValue().size() > 1).toList())
        .isEmpty();
  }

  private static Optional<String> blockKey(String text) {
    return Addresses.normalize(text).toOptional().stream()
        .flatMap(a -> a.keys().stream())
        .filter(k -> k.precision() == Address.Precision.BLOCK)
        .map(Address.Key::value)
        .findFirst();
  }
}
