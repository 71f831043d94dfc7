package jp.kaiji.schema;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalogue's mapping kinds give the keys of the one-column mapping: an address over ordered
 * columns, a postcode in one or two columns, names and readings split into family and given parts.
 * All addresses made up (real towns, invented blocks and buildings).
 */
class MappingKindsTest {
  @RegisterExtension final TestSeed seed = new TestSeed();

  /** Prefecture, city, town and block, building (may be empty), postcode. */
  private static final List<String[]> ADDRESSES =
      List.of(
          new String[] {"大阪府", "大阪市中央区", "安土町3-5-13", "安土ビル2F", "541-0052"},
          new String[] {"東京都", "千代田区", "千代田1-1", "", "100-0001"},
          new String[] {"北海道", "札幌市中央区", "北一条西2丁目1", "札幌ハイツ101", "060-0001"},
          new String[] {"福岡県", "福岡市博多区", "博多駅前2-1-1", "", "812-0011"},
          new String[] {"愛知県", "名古屋市中村区", "名駅1-1-4", "ミッドタワー 12階", "450-0002"});

  private static IdentityMapping split(List<String> address, List<String> postcode) {
    return mapping().addressColumns(address).postcodeColumns(postcode).build();
  }

  private static IdentityMapping single(String address, String postcode) {
    return mapping().postcode(postcode).address(address).build();
  }

  private static Set<NormalizedRecord.Key> keys(IdentityMapping m, Map<String, String> row) {
    NormalizedRecord n = RecordNormalizer.normalize(m, row);
    assertThat(n.problems()).as("problems of %s", row).isEmpty();
    return Set.copyOf(n.keys());
  }

  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @RepeatedTest(20)
  void anAddressOverColumnsHasTheKeysOfTheWholeAddress() {
    Random r = seed.random();
    String[] a = ADDRESSES.get(r.nextInt(ADDRESSES.size()));
    String whole = a[0] + a[1] + a[2] + (a[3].isEmpty() ? "" : " " + a[3]);
    // Columns as a back office keeps them; any of the optional ones may be blank or padded.
    String pad = r.nextBoolean() ? " " : "";
    Map<String, String> splitRow =
        row(
            "都道府県",
            a[0] + pad,
            "市区町村",
            pad + a[1],
            "町域・番地",
            a[2],
            "建物名",
            a[3],
            "郵便番号1",
            a[4].substring(0, 3),
            "郵便番号2",
            a[4].substring(4));
    Map<String, String> wholeRow = row("住所", whole, "郵便番号", a[4]);
    Set<NormalizedRecord.Key> expected = keys(single("住所", "郵便番号"), wholeRow);
    assertThat(
            keys(
                split(List.of("都道府県", "市区町村", "町域・番地", "建物名"), List.of("郵便番号1", "郵便番号2")),
                splitRow))
        .isEqualTo(expected);
    assertThat(
            keys(
                split(List.of("都道府県", "市区町村", "町域・番地", "建物名"), List.of("郵便番号")),
                row(
                    "都道府県",
                    a[0],
                    "市区町村",
                    a[1],
                    "町域・番地",
                    a[2],
                    "建物名",
                    a[3],
                    "郵便番号",
                    a[4].replace("-", ""))))
        .isEqualTo(expected);
    assertThat(fields(expected))
        .contains(IndexSchema.ADDRESS_BLOCK, IndexSchema.POSTCODE, IndexSchema.ADDRESS_TOWN);
  }

  @Test
  void aCityColumnWithoutPrefectureStillResolvesAfterThePrefectureColumn() {
    // The wall the issue met: one column lacked the city, the postcode was empty.
    IdentityMapping m = split(List.of("都道府県", "市区町村", "番地"), List.of());
    NormalizedRecord n =
        RecordNormalizer.normalize(m, row("都道府県", "大阪府", "市区町村", "大阪市中央区", "番地", "安土町3-5-13"));
    assertThat(n.problems()).isEmpty();
    assertThat(fields(Set.copyOf(n.keys()))).contains(IndexSchema.ADDRESS_BLOCK);
  }

  @Test
  void halfAPostcodeIsAProblemNamingBothColumns() {
    IdentityMapping m = split(List.of(), List.of("〒上3桁", "〒下4桁"));
    NormalizedRecord n = RecordNormalizer.normalize(m, row("〒上3桁", "541", "〒下4桁", ""));
    assertThat(n.problems()).hasSize(1);
    assertThat(n.problems().getFirst().column()).isEqualTo("〒上3桁+〒下4桁");
    assertThat(n.problems().getFirst().attribute()).isEqualTo(IndexSchema.Attribute.POSTCODE);
    assertThat(RecordNormalizer.normalize(m, row("〒上3桁", "", "〒下4桁", "")).present()).isEmpty();
  }

  @Test
  void namesAndReadingsSplitIntoFamilyAndGivenMatchTheWholeOnes() {
    IdentityMapping splitNames =
        mapping().familyName("姓").givenName("名").familyReading("セイ").givenReading("メイ").build();
    IdentityMapping wholeNames = mapping().fullName("氏名").reading("フリガナ").build();
    Set<NormalizedRecord.Key> split =
        keys(splitNames, row("姓", "山田", "名", "太郎", "セイ", "ヤマダ", "メイ", "タロウ"));
    Set<NormalizedRecord.Key> whole = keys(wholeNames, row("氏名", "山田 太郎", "フリガナ", "ヤマダ タロウ"));
    for (String f :
        List.of(
            IndexSchema.NAME_FULL,
            IndexSchema.NAME_FAMILY,
            IndexSchema.NAME_GIVEN,
            IndexSchema.READING_KEY,
            IndexSchema.READING_FAMILY,
            IndexSchema.READING_GIVEN)) {
      assertThat(values(split, f)).as(f).isNotEmpty().isEqualTo(values(whole, f));
    }
  }

  private static Set<String> fields(Set<NormalizedRecord.Key> keys) {
    return keys.stream().map(NormalizedRecord.Key::field).collect(Collectors.toSet());
  }

  private static Set<String> values(Set<NormalizedRecord.Key> keys, String field) {
    return keys.stream()
        .filter(k -> k.field().equals(field))
        .map(NormalizedRecord.Key::value)
        .collect(Collectors.toSet());
  }
}
