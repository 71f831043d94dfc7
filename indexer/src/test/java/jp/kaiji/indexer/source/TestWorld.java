package jp.kaiji.indexer.source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import jp.kaiji.catalog.CatalogException;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.normalize.Hashes;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * A small synthetic group for tests: four sources (CSV UTF-8, CSV Shift_JIS, JSON Lines, H2 over
 * JDBC) with one bad input of each kind. All data made up.
 */
public final class TestWorld {
  public static final String TARO_EMAIL = "taro@example.jp";

  public static final String CUSTOMERS_CSV =
      """
      顧客ID,氏名,フリガナ,生年月日,郵便番号,住所,電話番号,メール,登録日
      c1,山田 太郎,ヤマダ タロウ,昭和50年3月5日,541-0052,大阪府大阪市中央区安土町3-5-13,090-1234-5678,Taro@Example.jp,2024-05-01 10:00:00
      c2,佐藤 花子,サトウ ハナコ,1975-02-30,100-0001,"東京都千代田区千代田1-1, 2F",12,not-an-email,2024/06/01
      ,名無し 権兵衛,,,,,,,
      c3,"鈴木 "一郎,,,,,,,
      c4,田中 次郎,タナカ ジロウ,1980/1/2,,,06-4400-1876,jiro@example.jp,someday
      """;

  public static final String MEMBERS_CSV_SJIS =
      """
      会員番号,姓,名,セイ,メイ,旧姓,電話
      m1,山田,太郎,ヤマダ,タロウ,佐藤,09012345678
      m2,渡辺,ハナ,ワタナベ,ハナ,,
      """;

  public static final String CONTACTS_JSONL =
      String.format(
          Locale.ROOT,
          """
      {"id": "k1", "email_sha256": "%s", "phone_sha256": "%s", "meta": {"site": "a"}}
      {"id": "k2", "email_sha256": "XYZ"
      {"id": "k3", "email_sha256": null, "phone_sha256": "%s"}
      """,
          Hashes.sha256Hex(TARO_EMAIL),
          Hashes.sha256Hex("+819012345678"),
          "nothex");

  public static final String ORDERS_SQL =
      """
      CREATE TABLE ORDERS (ORDER_ID VARCHAR(10) PRIMARY KEY, CUSTOMER_ID VARCHAR(10), MEMBER_ID VARCHAR(10), AMOUNT INT);
      INSERT INTO ORDERS VALUES ('o1', 'c1', NULL, 1500);
      INSERT INTO ORDERS VALUES ('o2', NULL, 'm1', 300);
      INSERT INTO ORDERS VALUES ('o3', NULL, NULL, 10);
      """;

  /** Rows read per source, and how many of them cannot be indexed. */
  public static final Map<String, long[]> EXPECTED =
      Map.of(
          "customers", new long[] {5, 2}, // blank primary key, stray quote
          "members", new long[] {2, 0},
          "contacts", new long[] {3, 1}, // malformed JSON line
          "orders", new long[] {3, 0});

  private TestWorld() {}

  /** Writes the world's files and catalogue into {@code dir}; returns the catalogue file. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/customers.csv"), CUSTOMERS_CSV);
    Files.write(
        dir.resolve("data/members.csv"), MEMBERS_CSV_SJIS.getBytes(Charset.forName("Shift_JIS")));
    Files.writeString(dir.resolve("data/contacts.jsonl"), CONTACTS_JSONL);
    Files.writeString(dir.resolve("data/orders.sql"), ORDERS_SQL);
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"companies": [
           {"id": "buysell", "legalName": "株式会社 BuySell Technologies", "role": "group company"},
           {"id": "rext-cs", "legalName": "株式会社レクストカスタマーサービス", "role": "call centre"}],
         "jointUse": {"items": ["氏名", "住所"], "companies": ["buysell", "rext-cs"], "purpose": "グループ内の顧客管理", "responsibleParty": "buysell"},
         "sources": [
          {"id": "customers", "company": "buysell", "title": "顧客マスタ", "kind": "csv", "path": "data/customers.csv", "charset": "UTF-8",
           "primaryKey": "顧客ID",
           "identity": {"fullName": "氏名", "reading": "フリガナ", "birthDate": "生年月日", "postcode": "郵便番号", "address": "住所",
                        "phones": ["電話番号"], "emails": ["メール"], "recordDate": "登録日"},
           "category": "customer", "purpose": "本人確認、商品の発送", "jointlyUsed": true},
          {"id": "members", "company": "rext-cs", "title": "会員", "kind": "csv", "path": "data/members.csv", "charset": "Shift_JIS",
           "primaryKey": "会員番号",
           "identity": {"familyName": "姓", "givenName": "名", "familyReading": "セイ", "givenReading": "メイ",
                        "formerFamilyNames": ["旧姓"], "phones": ["電話"]},
           "category": "inquiry", "purpose": "お問い合わせへの回答", "jointlyUsed": false},
          {"id": "contacts", "company": "rext-cs", "title": "広告連携", "kind": "jsonl", "path": "data/contacts.jsonl",
           "primaryKey": "id", "identity": {"emailSha256": ["email_sha256"], "phoneSha256": ["phone_sha256"]},
           "category": "contact_form", "purpose": "第三者提供", "jointlyUsed": false},
          {"id": "orders", "company": "buysell", "title": "受注", "kind": "jdbc",
           "jdbc": {"url": "jdbc:h2:mem:kaiji-orders;INIT=RUNSCRIPT FROM '${catalogDir}/data/orders.sql'", "table": "ORDERS"},
           "primaryKey": "ORDER_ID", "identity": {},
           "foreignKeys": [{"column": "CUSTOMER_ID", "source": "customers"}, {"column": "MEMBER_ID", "source": "members"}],
           "category": "customer", "purpose": "受注管理", "jointlyUsed": true}]}
        """);
    return catalog;
  }

  public static CatalogFile load(Path dir) throws IOException, CatalogException {
    return SourceCatalogs.load(write(dir));
  }

  /** Documents of the current generation with {@code field} = {@code value}. */
  public static int count(IndexGenerations gens, String field, String value) throws IOException {
    try (DirectoryReader r = gens.openCurrent()) {
      return new IndexSearcher(r).count(new TermQuery(new Term(field, value)));
    }
  }

  public static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }
}
