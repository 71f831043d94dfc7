package jp.kaiji.indexer.source;

import static jp.kaiji.indexer.source.CsvSourceReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSourceReaderTest {
  @TempDir Path dir;

  @Test
  void streamsTheRowsOfADatabaseBuiltFromAScriptInTheCatalogueFolder() throws Exception {
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(
        dir.resolve("db/shop.sql"),
        """
        CREATE TABLE ORDERS (ORDER_ID VARCHAR(10) PRIMARY KEY, CUSTOMER_ID VARCHAR(10), 氏名 VARCHAR(40), AMOUNT INT, NOTE VARCHAR(40));
        INSERT INTO ORDERS VALUES ('o1', 'c1', '山田 太郎', 1500, NULL);
        INSERT INTO ORDERS VALUES ('o2', 'c2', '髙橋 花子', 300, 'ギフト');
        """);
    Files.writeString(
        dir.resolve("catalog.json"),
        """
        {"companies": [{"id": "buysell", "legalName": "株式会社 BuySell Technologies"}],
         "sources": [{"id": "orders", "company": "buysell", "title": "受注", "kind": "jdbc",
           "jdbc": {"url": "jdbc:h2:mem:jdbctest;INIT=RUNSCRIPT FROM '${catalogDir}/db/shop.sql'", "query": "SELECT * FROM ORDERS ORDER BY ORDER_ID"},
           "primaryKey": "ORDER_ID", "identity": {"fullName": "氏名"}, "category": "customer", "purpose": "受注", "jointlyUsed": false}]}
        """);
    CatalogFile catalog = SourceCatalogs.load(dir.resolve("catalog.json"));
    try (SourceReader r = SourceReaders.of(catalog).open(catalog.source("orders").orElseThrow())) {
      assertThat(r.columns()).containsExactly("ORDER_ID", "CUSTOMER_ID", "氏名", "AMOUNT", "NOTE");
      List<SourceItem> items = readAll(r);
      assertThat(items).extracting(SourceItem::rowNumber).containsExactly(1L, 2L);
      assertThat(((SourceItem.SourceRow) items.get(0)).fields())
          .containsEntry("AMOUNT", "1500")
          .containsEntry("NOTE", null);
      assertThat(((SourceItem.SourceRow) items.get(1)).fields()).containsEntry("氏名", "髙橋 花子");
    }
  }

  @Test
  void aDatabaseThatIsNotThereIsAnUnavailableSource() {
    String url = "jdbc:h2:file:" + dir.resolve("absent") + ";IFEXISTS=TRUE";
    assertThatThrownBy(
            () -> new JdbcSourceReader("crm", url, "SELECT 1", Optional.empty(), Optional.empty()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("source 'crm': cannot query the database")
        .hasMessageNotContaining("\n");
  }
}
