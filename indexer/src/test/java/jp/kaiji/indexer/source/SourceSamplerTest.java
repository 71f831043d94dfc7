package jp.kaiji.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.kaiji.catalog.CatalogFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSamplerTest {
  @TempDir Path dir;
  CatalogFile catalog;

  @BeforeEach
  void world() throws Exception {
    catalog = TestWorld.load(dir);
  }

  private SourceSampler.Sample sample(String id) {
    return SourceSampler.sample(catalog.source(id).orElseThrow(), SourceReaders.of(catalog), 100);
  }

  @Test
  void everySourceOfTheWorldSamplesCleanly() {
    for (String id : new String[] {"customers", "members", "contacts", "orders"}) {
      assertThat(sample(id).problems()).as(id).isEmpty();
    }
    assertThat(sample("customers").malformed()).isEqualTo(1);
    assertThat(sample("contacts").columns())
        .containsExactly("id", "email_sha256", "phone_sha256", "meta");
  }

  @Test
  void aPrimaryKeyOrMappedColumnMissingFromTheHeaderNamesTheSourceAndField() throws Exception {
    Path csv = dir.resolve("data/customers.csv");
    String text = Files.readString(csv).replaceFirst("顧客ID", "ID").replaceFirst("電話番号", "TEL");
    Files.writeString(csv, text);
    assertThat(sample("customers").problems())
        .containsExactly(
            "source 'customers': primaryKey '顧客ID' is not a column of the source (columns: ID, 氏名, フリガナ, 生年月日, 郵便番号, 住所, TEL, メール, 登録日)",
            "source 'customers': identity.phones column '電話番号' is not a column of the source (columns: ID, 氏名, フリガナ, 生年月日, 郵便番号, 住所, TEL, メール, 登録日)");
  }

  @Test
  void aForeignKeyColumnMissingFromTheTableIsReported() throws Exception {
    Path sql = dir.resolve("data/orders.sql");
    Files.writeString(
        sql, Files.readString(sql).replace("MEMBER_ID VARCHAR(10)", "MEMBER VARCHAR(10)"));
    assertThat(sample("orders").problems())
        .singleElement()
        .asString()
        .startsWith(
            "source 'orders': foreignKeys[1].column 'MEMBER_ID' is not a column of the source");
  }

  @Test
  void anUnreadableSourceIsOneProblem() throws Exception {
    Files.delete(dir.resolve("data/contacts.jsonl"));
    assertThat(sample("contacts").problems())
        .singleElement()
        .asString()
        .startsWith("source 'contacts': cannot open");
  }
}
