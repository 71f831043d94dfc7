package jp.kaiji.indexer;

import static jp.kaiji.indexer.source.TestWorld.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.indexer.source.TestWorld;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.RecordDocuments;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.normalize.Hashes;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildJobTest {
  @TempDir Path dir;
  IndexGenerations gens;
  RebuildJob job;

  @BeforeEach
  void rebuild() throws Exception {
    CatalogFile catalog = TestWorld.load(dir.resolve("world"));
    gens = new IndexGenerations(dir.resolve("data"));
    job = new RebuildJob(catalog, gens);
    job.run();
    assertThat(job.progress().message()).isEmpty();
    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.SUCCEEDED);
  }

  /** The stored values of {@code stored} of every document whose {@code field} holds value. */
  private List<String> lines(String field, String value, String stored) throws Exception {
    try (DirectoryReader r = gens.openCurrent()) {
      IndexSearcher s = new IndexSearcher(r);
      List<String> out = new ArrayList<>();
      for (ScoreDoc h : s.search(new TermQuery(new Term(field, value)), 10).scoreDocs) {
        out.addAll(List.of(s.storedFields().document(h.doc).getValues(stored)));
      }
      return out;
    }
  }

  private Document only(String field, String value) throws Exception {
    try (DirectoryReader r = gens.openCurrent()) {
      IndexSearcher s = new IndexSearcher(r);
      ScoreDoc[] hits = s.search(new TermQuery(new Term(field, value)), 10).scoreDocs;
      assertThat(hits).as(field + "=" + value).hasSize(1);
      return s.storedFields().document(hits[0].doc);
    }
  }

  @Test
  void indexesEveryReadableRecordOfEverySourceKindAndReportsTheCounts() throws Exception {
    RebuildReport report = job.report().orElseThrow();
    assertThat(report.generation()).isEqualTo("gen-000001");
    for (SourceStats s : report.sources()) {
      long[] expected = TestWorld.EXPECTED.get(s.source());
      assertThat(new long[] {s.rowsRead(), s.unindexable()}).as(s.source()).isEqualTo(expected);
      assertThat(s.indexed()).isEqualTo(expected[0] - expected[1]);
      assertThat(count(gens, IndexSchema.SOURCE_ID, s.source())).isEqualTo((int) s.indexed());
    }
    JsonNode json =
        new ObjectMapper()
            .readTree(gens.current().orElseThrow().dir().resolve("report.json").toFile());
    assertThat(json.get("generation").asText()).isEqualTo("gen-000001");
    assertThat(json.get("sources")).hasSize(4);
    assertThat(gens.current().orElseThrow().sources().get("members").indexed()).isEqualTo(2);
  }

  @Test
  void storesProvenanceTheOriginalRecordAndForeignKeys() throws Exception {
    Document c1 = only(IndexSchema.DOC_ID, "customers/c1");
    assertThat(c1.get(IndexSchema.COMPANY)).isEqualTo("buysell");
    assertThat(c1.get(IndexSchema.CATEGORY)).isEqualTo("customer");
    assertThat(c1.get(IndexSchema.PRIMARY_KEY)).isEqualTo("c1");
    assertThat(c1.getField(IndexSchema.ROW_NUMBER).numericValue().longValue()).isEqualTo(2);
    Map<String, String> original = RecordDocuments.readOriginal(c1.get(IndexSchema.ORIGINAL));
    assertThat(original.keySet())
        .containsExactly("顧客ID", "氏名", "フリガナ", "生年月日", "郵便番号", "住所", "電話番号", "メール", "登録日");
    assertThat(original).containsEntry("メール", "Taro@Example.jp");

    assertThat(only(IndexSchema.REF, "customers/c1").get(IndexSchema.DOC_ID))
        .isEqualTo("orders/o1");
    assertThat(only(IndexSchema.REF, "members/m1").get(IndexSchema.DOC_ID)).isEqualTo("orders/o2");
    Document o3 = only(IndexSchema.DOC_ID, "orders/o3");
    assertThat(o3.getValues(IndexSchema.REF)).isEmpty();
    assertThat(RecordDocuments.readOriginal(o3.get(IndexSchema.ORIGINAL)))
        .containsEntry("CUSTOMER_ID", null)
        .containsEntry("AMOUNT", "10");
  }

  @Test
  void indexesNormalizedKeysSoThatARequestNormalizedTheSameWayFindsThem() throws Exception {
    assertThat(count(gens, IndexSchema.NAME_FULL, "山田太郎"))
        .isEqualTo(2); // customers/c1 and members/m1
    assertThat(only(IndexSchema.NAME_FORMER_FAMILY, "佐藤").get(IndexSchema.DOC_ID))
        .isEqualTo("members/m1");
    assertThat(count(gens, IndexSchema.READING_FAMILY, "ヤマダ"))
        .isEqualTo(2); // split by the space, or given split
    assertThat(count(gens, IndexSchema.READING_KEY, "ヤマダタロウ")).isEqualTo(2);
    assertThat(only(IndexSchema.BIRTH_DATE, "1975-03-05").get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c1"); // 昭和50年3月5日
    assertThat(only(IndexSchema.BIRTH_DATE, "1980-01-02").get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c4");
    var address =
        jp.kaiji.normalize.Addresses.normalize("541-0052", "大阪府大阪市中央区安土町3-5-13").orElseThrow();
    assertThat(address.keys()).hasSize(3);
    assertThat(
            only(IndexSchema.ADDRESS_PREFECTURE_CITY, address.keys().get(0).value())
                .get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c1");
    assertThat(
            only(IndexSchema.ADDRESS_TOWN, address.keys().get(1).value()).get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c1");
    assertThat(
            only(IndexSchema.ADDRESS_BLOCK, address.keys().get(2).value()).get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c1");
    assertThat(only(IndexSchema.POSTCODE, "5410052").get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c1");
    assertThat(count(gens, IndexSchema.PHONE_E164, "+819012345678")).isEqualTo(2);
    assertThat(lines(IndexSchema.PHONE_E164, "+819012345678", IndexSchema.PHONE_LINE))
        .containsExactly("+819012345678 MOBILE", "+819012345678 MOBILE");
    assertThat(only(IndexSchema.PHONE_E164, "+81644001876").getValues(IndexSchema.PHONE_LINE))
        .containsExactly("+81644001876 FIXED_LINE");
    assertThat(only(IndexSchema.EMAIL_KEY, TestWorld.TARO_EMAIL).get(IndexSchema.DOC_ID))
        .isEqualTo("customers/c1");
    // Only the ad-platform record holds hashes: a clear number or address is found by its key, and
    // a search hashes the requester's to find the hashed ones.
    assertThat(count(gens, IndexSchema.EMAIL_SHA256, Hashes.sha256Hex(TestWorld.TARO_EMAIL)))
        .isEqualTo(1);
    assertThat(count(gens, IndexSchema.PHONE_SHA256, Hashes.sha256Hex("+819012345678")))
        .isEqualTo(1);
    Document c1 = only(IndexSchema.DOC_ID, "customers/c1");
    assertThat(c1.getValues(IndexSchema.EMAIL_SHA256)).isEmpty();
    assertThat(c1.getValues(IndexSchema.PHONE_SHA256)).isEmpty();
    assertThat(c1.get(IndexSchema.RECORD_DATE)).isEqualTo("2024-05-01");
    assertThat(c1.getValues(IndexSchema.ATTRIBUTES_PRESENT))
        .contains(
            "name",
            "reading",
            "birth_date",
            "postcode",
            "address",
            "phone",
            "email",
            "record_date");
    assertThat(c1.getValues(IndexSchema.ATTRIBUTES_FAILED)).isEmpty();
  }

  @Test
  void aRecordWithUnparsableIdentifiersIsIndexedWithItsValidOnesAndTheFailuresAreKept()
      throws Exception {
    Document c2 = only(IndexSchema.DOC_ID, "customers/c2");
    assertThat(c2.get(IndexSchema.NAME_FULL)).isEqualTo("佐藤花子");
    assertThat(c2.get(IndexSchema.POSTCODE)).isEqualTo("1000001");
    // A day that does not exist is kept as a near miss, never as the birth date key.
    assertThat(c2.get(IndexSchema.BIRTH_DATE)).isNull();
    assertThat(c2.get(IndexSchema.BIRTH_DATE_NEAR_MISS)).isEqualTo("19750230");
    assertThat(c2.getValues(IndexSchema.ATTRIBUTES_FAILED))
        .contains("email/メール/email.shape")
        .noneMatch(v -> v.startsWith("birth_date/"))
        .anyMatch(v -> v.startsWith("phone/電話番号/phone."));
    assertThat(only(IndexSchema.DOC_ID, "customers/c4").getValues(IndexSchema.ATTRIBUTES_FAILED))
        .containsExactly("record_date/登録日/record_date.unrecognized");
    assertThat(only(IndexSchema.DOC_ID, "contacts/k3").getValues(IndexSchema.ATTRIBUTES_FAILED))
        .containsExactly("phone_sha256/phone_sha256/sha256.shape");
  }

  @Test
  void everyBadInputIsInTheQuarantineReportWithItsLineAndNoPersonalData() throws Exception {
    Path gen = gens.current().orElseThrow().dir();
    List<String> customers = Files.readAllLines(QuarantineLog.fileOf(gen, "customers"));
    ObjectMapper json = new ObjectMapper();
    List<QuarantineEntry> entries =
        customers.stream()
            .map(
                l -> {
                  try {
                    return json.readValue(l, QuarantineEntry.class);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    assertThat(entries)
        .extracting(QuarantineEntry::row, QuarantineEntry::code, QuarantineEntry::indexed)
        .contains(
            org.assertj.core.groups.Tuple.tuple(3L, "phone.unparsable", true),
            org.assertj.core.groups.Tuple.tuple(3L, "email.shape", true),
            org.assertj.core.groups.Tuple.tuple(4L, "record.no_primary_key", false),
            org.assertj.core.groups.Tuple.tuple(5L, "csv.quote", false),
            org.assertj.core.groups.Tuple.tuple(6L, "record_date.unrecognized", true));
    String all = String.join("\n", customers);
    for (String personal :
        List.of("佐藤", "花子", "not-an-email", "1975-02-30", "名無し", "鈴木", "someday")) {
      assertThat(all).doesNotContain(personal);
    }
    assertThat(Files.readAllLines(QuarantineLog.fileOf(gen, "contacts")))
        .anyMatch(l -> l.contains("\"row\":2") && l.contains("jsonl.syntax"));
    SourceStats stats = gens.current().orElseThrow().sources().get("customers");
    assertThat(stats.quarantined()).isEqualTo(customers.size());
  }

  @Test
  void progressShowsEverySourceDone() {
    assertThat(job.progress().sources())
        .allSatisfy(
            s -> {
              assertThat(s.state()).isEqualTo(SourceProgress.State.DONE);
              assertThat(s.rowsRead()).isEqualTo(TestWorld.EXPECTED.get(s.source())[0]);
            });
  }

  @Test
  void aRebuildStopsOnAHeaderThatLacksTheMappedColumns() throws Exception {
    CatalogFile catalog = TestWorld.load(dir.resolve("header-world"));
    Path csv = dir.resolve("header-world/data/customers.csv");
    Files.writeString(csv, Files.readString(csv).replaceFirst("メール", "mail"));
    RebuildJob job = new RebuildJob(catalog, new IndexGenerations(dir.resolve("header-data")));
    job.run();
    assertThat(job.progress().state()).isEqualTo(RebuildJob.State.FAILED);
    assertThat(job.progress().message().orElseThrow())
        .startsWith("source 'customers': identity.emails column 'メール' is not a column");
  }
}
