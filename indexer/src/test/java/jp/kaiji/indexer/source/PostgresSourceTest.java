package jp.kaiji.indexer.source;

import static jp.kaiji.indexer.source.CsvSourceReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JDBC source read from a real PostgreSQL server that the test starts (and stops). */
class PostgresSourceTest {
  static PostgresServer pg;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresServer.start();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
        Statement st = c.createStatement()) {
      st.execute(
          """
          CREATE TABLE members (
            member_no integer PRIMARY KEY, name text NOT NULL, born date, joined timestamp,
            points numeric(10,2), balance numeric(12,0), active boolean, profile jsonb)""");
      st.execute(
          """
          INSERT INTO members VALUES
            (1, '山田 太郎', '1975-03-05', '2024-03-31 09:15:00', 1234.50, 10000000, true,
             '{"contact": {"tel": "090-1234-5678", "mail": "taro@example.jp"},
               "home": {"postal": "100-0001", "address": "東京都千代田区千代田1-1"}, "tags": ["gold", 3]}'),
            (2, '髙橋 花子', NULL, NULL, NULL, NULL, NULL, NULL)""");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void readsTypedColumnsAndJsonPointersIntoJsonb() throws Exception {
    Files.writeString(
        dir.resolve("catalog.json"),
        """
        {"companies": [{"id": "regate", "legalName": "株式会社 REGATE"}],
         "sources": [{"id": "members", "company": "regate", "title": "会員", "kind": "jdbc",
           "jdbc": {"url": "PG_URL", "query": "SELECT * FROM members ORDER BY member_no"},
           "primaryKey": "member_no",
           "identity": {"fullName": "name", "birthDate": "born", "phones": ["/profile/contact/tel"],
                        "emails": ["/profile/contact/mail"], "postcode": "/profile/home/postal",
                        "address": "/profile/home/address", "recordDate": "joined"},
           "category": "customer", "purpose": "会員管理", "jointlyUsed": false}]}
        """
            .replace("PG_URL", pg.jdbcUrl()));
    CatalogFile catalog = SourceCatalogs.load(dir.resolve("catalog.json"));
    var source = catalog.source("members").orElseThrow();
    SourceReaders readers = SourceReaders.of(catalog);
    assertThat(SourceSampler.sample(source, readers, 10).problems()).isEmpty();
    try (SourceReader r = readers.open(source)) {
      assertThat(r.columns())
          .containsExactly(
              "member_no", "name", "born", "joined", "points", "balance", "active", "profile");
      List<SourceItem> items = readAll(r);
      var first = (SourceItem.SourceRow) items.get(0);
      assertThat(first.fields())
          .containsEntry("member_no", "1")
          .containsEntry("born", "1975-03-05")
          .containsEntry("/profile/contact/tel", "090-1234-5678")
          .containsEntry("/profile/home/address", "東京都千代田区千代田1-1");
      assertThat(first.originalJson().orElseThrow())
          .isEqualTo(
              "{\"member_no\":1,\"name\":\"山田 太郎\",\"born\":\"1975-03-05\","
                  + "\"joined\":\"2024-03-31T09:15\",\"points\":1234.50,\"balance\":10000000,"
                  + "\"active\":true,\"profile\":{\"home\":{\"postal\":\"100-0001\","
                  + "\"address\":\"東京都千代田区千代田1-1\"},\"tags\":[\"gold\",3],"
                  + "\"contact\":{\"tel\":\"090-1234-5678\",\"mail\":\"taro@example.jp\"}}}");
      var second = (SourceItem.SourceRow) items.get(1);
      assertThat(second.fields())
          .containsEntry("born", null)
          .containsEntry("/profile/contact/tel", null);
      assertThat(second.originalJson().orElseThrow())
          .isEqualTo(
              "{\"member_no\":2,\"name\":\"髙橋 花子\",\"born\":null,\"joined\":null,"
                  + "\"points\":null,\"balance\":null,\"active\":null,\"profile\":null}");
    }
  }
}
