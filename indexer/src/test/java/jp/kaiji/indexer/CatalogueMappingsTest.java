package jp.kaiji.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real layouts through a real rebuild: a CP932 CSV with the address, postcode and name split over
 * columns, and JSON Lines with nested objects mapped by JSON Pointer, kept as typed JSON. The same
 * person is in a one-column CSV, so each mapping must give the keys that one gives. Data made up.
 */
class CatalogueMappingsTest {
  @TempDir static Path dir;
  static IndexGenerations gens;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void rebuild() throws Exception {
    Path world = dir.resolve("world");
    Files.createDirectories(world);
    Files.writeString(
        world.resolve("whole.csv"),
        """
        id,氏名,フリガナ,郵便番号,住所
        w1,山田 太郎,ヤマダ タロウ,541-0052,大阪府大阪市中央区安土町3-5-13 安土ビル2F
        """);
    Files.write(
        world.resolve("split.csv"),
        """
        会員番号,姓,名,セイ,メイ,〒1,〒2,都道府県,市区町村,町域・番地,建物名
        s1,山田,太郎,ヤマダ,タロウ,541,0052,大阪府,大阪市中央区,安土町3-5-13,安土ビル2F
        s2,佐藤,花子,サトウ,ハナコ,,,東京都,千代田区,千代田1-1,
        """
            .getBytes(Charset.forName("windows-31j")));
    Files.writeString(
        world.resolve("rides.jsonl"),
        """
        {"ride": {"id": 7}, "rider": {"name": "山田 太郎"}, "duration_sec": 1148, "paid": true, "pickup": {"postal_code": "5410052", "address": "大阪府大阪市中央区安土町3-5-13 安土ビル2F"}, "stops": [1, 2]}
        {"ride": {"id": 8}, "rider": {"name": "鈴木 一郎"}, "duration_sec": 60.5, "pickup": null}
        """);
    Files.writeString(
        world.resolve("catalog.json"),
        """
        {"companies": [{"id": "g", "legalName": "株式会社サンプル", "role": "group company"}],
         "categories": [{"id": "rides", "label": "配車・乗車の情報", "purpose": "配車サービスの提供",
                         "obtainedBy": "アプリのご利用時にご本人から"}],
         "sources": [
          {"id": "whole", "company": "g", "title": "一列", "kind": "csv", "path": "whole.csv", "primaryKey": "id",
           "identity": {"fullName": "氏名", "reading": "フリガナ", "postcode": "郵便番号", "address": "住所"},
           "category": "customer", "purpose": "p", "jointlyUsed": false},
          {"id": "split", "company": "g", "title": "分割", "kind": "csv", "path": "split.csv", "charset": "Windows-31J",
           "primaryKey": "会員番号",
           "identity": {"familyName": "姓", "givenName": "名", "familyReading": "セイ", "givenReading": "メイ",
                        "postcodeColumns": ["〒1", "〒2"],
                        "addressColumns": ["都道府県", "市区町村", "町域・番地", "建物名"]},
           "category": "customer", "purpose": "p", "jointlyUsed": false},
          {"id": "rides", "company": "g", "title": "乗車", "kind": "jsonl", "path": "rides.jsonl", "primaryKey": "/ride/id",
           "identity": {"fullName": "/rider/name", "postcode": "/pickup/postal_code", "address": "/pickup/address"},
           "category": "rides", "purpose": "p", "jointlyUsed": false}]}
        """);
    gens = new IndexGenerations(dir.resolve("data"));
    RebuildJob job = new RebuildJob(SourceCatalogs.load(world.resolve("catalog.json")), gens);
    job.run();
    assertThat(job.progress().message()).isEmpty();
    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.SUCCEEDED);
  }

  private static Document doc(String docId) throws Exception {
    try (DirectoryReader r = gens.openCurrent()) {
      IndexSearcher s = new IndexSearcher(r);
      ScoreDoc[] hits = s.search(new TermQuery(new Term(IndexSchema.DOC_ID, docId)), 2).scoreDocs;
      assertThat(hits).as(docId).hasSize(1);
      return s.storedFields().document(hits[0].doc);
    }
  }

  /** The stored keys of the address, name and reading fields of a document. */
  private static Set<String> keys(Document d, String... fields) {
    Set<String> out = new TreeSet<>();
    for (String f : fields) {
      Arrays.stream(d.getValues(f)).forEach(v -> out.add(f + "=" + v));
    }
    return out;
  }

  private static final String[] ADDRESS = {
    IndexSchema.POSTCODE,
    IndexSchema.ADDRESS_PREFECTURE_CITY,
    IndexSchema.ADDRESS_TOWN,
    IndexSchema.ADDRESS_BLOCK,
    IndexSchema.ADDRESS_BUILDING
  };

  @Test
  void splitColumnsGiveTheKeysOfTheOneColumnLayout() throws Exception {
    Document whole = doc("whole/w1");
    Document split = doc("split/s1");
    assertThat(keys(split, ADDRESS)).isNotEmpty().isEqualTo(keys(whole, ADDRESS));
    assertThat(keys(split, IndexSchema.ATTRIBUTES_PRESENT))
        .isEqualTo(keys(whole, IndexSchema.ATTRIBUTES_PRESENT));
    assertThat(doc("split/s2").getValues(IndexSchema.ATTRIBUTES_FAILED)).isEmpty();
  }

  @Test
  void jsonPointersReachNestedValues() throws Exception {
    Document ride = doc("rides/7");
    assertThat(keys(ride, ADDRESS)).isEqualTo(keys(doc("whole/w1"), ADDRESS));
    assertThat(ride.getValues(IndexSchema.ATTRIBUTES_PRESENT)).contains("name", "address");
    // A JSON null at the pointer is an absent value, not a failure.
    assertThat(doc("rides/8").getValues(IndexSchema.ATTRIBUTES_FAILED)).isEmpty();
  }

  @Test
  void theOriginalOfAJsonSourceKeepsTypesNestingAndOrder() throws Exception {
    JsonNode original = JSON.readTree(doc("rides/7").get(IndexSchema.ORIGINAL));
    assertThat(original.get("duration_sec").isIntegralNumber()).isTrue();
    assertThat(original.get("duration_sec").intValue()).isEqualTo(1148);
    assertThat(original.get("paid").isBoolean()).isTrue();
    assertThat(original.get("pickup").isObject()).isTrue();
    assertThat(original.at("/pickup/postal_code").textValue()).isEqualTo("5410052");
    assertThat(original.get("stops").isArray()).isTrue();
    assertThat(original.properties().stream().map(java.util.Map.Entry::getKey).toList())
        .containsExactly("ride", "rider", "duration_sec", "paid", "pickup", "stops");
    JsonNode other = JSON.readTree(doc("rides/8").get(IndexSchema.ORIGINAL));
    assertThat(other.get("duration_sec").isFloatingPointNumber()).isTrue();
    assertThat(other.get("pickup").isNull()).isTrue();
    // A CSV original stays its columns as text.
    assertThat(JSON.readTree(doc("split/s1").get(IndexSchema.ORIGINAL)).get("〒1").textValue())
        .isEqualTo("541");
  }

  @Test
  void aDeclaredCategoryIsIndexed() throws Exception {
    assertThat(doc("rides/7").get(IndexSchema.CATEGORY)).isEqualTo("rides");
  }
}
