package jp.kaiji.indexer.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic customer CSV of N rows and a one-source catalogue for timing {@code rebuild}.
 * Not a test. Usage: {@code SyntheticCsv DIR ROWS [SEED]}; then {@code java -jar
 * indexer/target/kaiji-indexer-*.jar rebuild --catalog DIR/catalog.json --data DIR/data}.
 */
public final class SyntheticCsv {
  private static final String[] FAMILY = {
    "山田", "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "中村", "小林", "加藤"
  };
  private static final String[] FAMILY_KANA = {
    "ヤマダ", "サトウ", "スズキ", "タカハシ", "タナカ", "ワタナベ", "イトウ", "ナカムラ", "コバヤシ", "カトウ"
  };
  private static final String[] GIVEN = {"太郎", "花子", "一郎", "美咲", "翔太", "陽菜", "大輔", "さくら"};
  private static final String[] GIVEN_KANA = {
    "タロウ", "ハナコ", "イチロウ", "ミサキ", "ショウタ", "ヒナ", "ダイスケ", "サクラ"
  };
  private static final String[] TOWNS = {
    "大阪府大阪市中央区安土町", "東京都千代田区千代田", "愛知県名古屋市中区栄", "福岡県福岡市博多区博多駅前"
  };
  private static final String[] POSTCODES = {"541-0052", "100-0001", "460-0008", "812-0011"};

  private SyntheticCsv() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
    Random r = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
    Files.createDirectories(dir);
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("customers.csv"), StandardCharsets.UTF_8)) {
      w.write("顧客ID,氏名,フリガナ,生年月日,郵便番号,住所,電話番号,メール,登録日,備考\n");
      for (long i = 0; i < rows; i++) {
        int f = r.nextInt(FAMILY.length);
        int g = r.nextInt(GIVEN.length);
        int t = r.nextInt(TOWNS.length);
        w.write(
            "C"
                + i
                + ","
                + FAMILY[f]
                + " "
                + GIVEN[g]
                + ","
                + FAMILY_KANA[f]
                + " "
                + GIVEN_KANA[g]
                + ","
                + (1940 + r.nextInt(65))
                + "/"
                + (1 + r.nextInt(12))
                + "/"
                + (1 + r.nextInt(28))
                + ","
                + POSTCODES[t]
                + ","
                + TOWNS[t]
                + (1 + r.nextInt(9))
                + "-"
                + (1 + r.nextInt(30))
                + "-"
                + (1 + r.nextInt(20))
                + ","
                + "090-"
                + (1000 + r.nextInt(9000))
                + "-"
                + (1000 + r.nextInt(9000))
                + ",user"
                + i
                + "@example.jp,"
                + "2024-0"
                + (1 + r.nextInt(9))
                + "-1"
                + r.nextInt(10)
                + ",\"メモ, \"\"引用\"\"\n改行あり\"\n");
      }
    }
    Files.writeString(
        dir.resolve("catalog.json"),
        """
        {"companies": [{"id": "buysell", "legalName": "株式会社 BuySell Technologies"}], "sources": [
          {"id": "customers", "company": "buysell", "title": "顧客マスタ", "kind": "csv", "path": "customers.csv", "primaryKey": "顧客ID",
           "identity": {"fullName": "氏名", "reading": "フリガナ", "birthDate": "生年月日", "postcode": "郵便番号", "address": "住所",
                        "phones": ["電話番号"], "emails": ["メール"], "recordDate": "登録日"},
           "category": "customer", "purpose": "本人確認", "jointlyUsed": true}]}
        """);
  }
}
