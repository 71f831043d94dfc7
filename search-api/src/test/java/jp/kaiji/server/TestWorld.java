package jp.kaiji.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry.TokenEntry;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.normalize.Hashes;

/**
 * A small hand-made world with the hard cases of DOMAIN.md, served by the real server on a free
 * loopback port: the requester 山田 太郎, his wife and twin brother at the same address and landline, a
 * namesake in another city, the previous holder of his mobile number, his orders, a parcel he sent
 * to his wife, and a call from his mobile.
 */
final class TestWorld implements AutoCloseable {
  static final Map<Role, String> TOKENS =
      Map.of(
          Role.STAFF,
          "staff-token-0123456789",
          Role.ADMIN,
          "admin-token-0123456789",
          Role.EXPORTER,
          "exporter-token-0123456789",
          Role.OWNER,
          "owner-token-0123456789");

  /** The company the test owner token is scoped to. */
  static final String OWNER_COMPANY = "shop";

  final Path dir;
  final KaijiApplication app;
  final String base;

  final ServerConfig config;

  TestWorld(Path dir) throws Exception {
    this(dir, "", Map.of());
  }

  /**
   * @param extraSources more catalogue source objects, each preceded by a comma
   * @param extraFiles their files, relative path → content
   */
  TestWorld(Path dir, String extraSources, Map<String, String> extraFiles) throws Exception {
    this(dir, extraSources, extraFiles, c -> c);
  }

  /**
   * @param adjust changes the configuration before the server starts
   */
  TestWorld(
      Path dir,
      String extraSources,
      Map<String, String> extraFiles,
      java.util.function.UnaryOperator<ServerConfig> adjust)
      throws Exception {
    this.dir = dir;
    writeSources(dir, extraSources, extraFiles);
    ServerConfig plain =
        new ServerConfig(
            "127.0.0.1",
            0,
            false,
            Optional.empty(),
            dir.resolve("catalog.json"),
            dir.resolve("data"),
            tokenEntries());
    config = adjust.apply(plain);
    app = new KaijiApplication(config, Clock.systemUTC());
    rebuildAndWait();
    app.start();
    base = "http://127.0.0.1:" + app.port();
  }

  /** The configured tokens, hashed. */
  static List<TokenEntry> tokenEntries() {
    return TOKENS.entrySet().stream()
        .map(
            e ->
                new TokenEntry(
                    "test-" + e.getKey().id(),
                    e.getKey(),
                    Hashes.sha256Hex(e.getValue()),
                    e.getKey() == Role.OWNER ? Optional.of(OWNER_COMPANY) : Optional.empty()))
        .toList();
  }

  /** Writes the world's source files and {@code catalog.json} into {@code dir}. */
  static void writeSources(Path dir, String extraSources, Map<String, String> extraFiles)
      throws IOException {
    for (Map.Entry<String, String> f : extraFiles.entrySet()) {
      write(dir, f.getKey(), f.getValue());
    }
    write(
        dir,
        "shop/customers.csv",
        "顧客番号,氏名,フリガナ,生年月日,郵便番号,住所,電話番号,携帯番号,メールアドレス\n"
            + "C001,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,昭和50年3月5日,541-0052,大阪府大阪市中央区安土町三丁目5番13号,06-4400-1876,090-1234-5678,Taro.Yamada@Example.jp\n"
            + "C002,山田 花子,ヤマダ ハナコ,1977/8/20,541-0052,大阪府大阪市中央区安土町3-5-13,06-4400-1876,080-2222-3333,hanako@example.jp\n"
            + "C003,山田 次郎,ヤマダ ジロウ,1975-03-05,5410052,大阪市中央区安土町３－５－１３,0644001876,,\n"
            + "C004,山田 太郎,ヤマダ タロウ,1982-11-30,150-0001,東京都渋谷区神宮前1-2-3,03-1234-5678,080-9999-0000,other.taro@example.com\n"
            + "C005,鈴木 一郎,スズキ イチロウ,1960-01-01,100-0005,東京都千代田区丸の内1-1-1,,090-1234-5678,\n"
            + "C006,髙橋 さくら,タカハシ サクラ,1990-04-01,,,,,\n");
    write(
        dir,
        "shop/orders.csv",
        "注文番号,顧客番号,商品,金額\n" + "O1,C001,腕時計,12000\n" + "O2,C001,指輪,3000\n" + "O3,C002,バッグ,8000\n");
    write(
        dir,
        "shop/shipments.csv",
        "伝票番号,注文番号,届け先氏名,届け先住所\n"
            + "S1,O1,山田 太郎,大阪府大阪市中央区安土町3-5-13\n"
            + "S2,O2,山田 花子,大阪府大阪市中央区安土町3-5-13\n");
    write(
        dir,
        "cs/calls.jsonl",
        "{\"call_id\":\"K1\",\"caller\":\"+81 90 1234 5678\",\"started\":\"2025-01-10\",\"duration_sec\":1148,\"line\":{\"queue\":\"買取\",\"ext\":12}}\n"
            + "{\"call_id\":\"K2\",\"caller\":\"080-2222-3333\",\"started\":\"2025-01-11\"}\n");
    write(
        dir,
        "catalog.json",
        String.format(
            Locale.ROOT,
            """
        {
          "companies": [
            {"id": "shop", "legalName": "株式会社 BuySell Technologies", "role": "buy-back and resale"},
            {"id": "cs", "legalName": "株式会社レクストカスタマーサービス", "role": "call centre"}
          ],
          "jointUse": {"items": ["氏名", "住所"], "companies": ["shop", "cs"], "purpose": "顧客管理", "responsibleParty": "shop"},
          "sources": [
            {"id": "shop-customers", "company": "shop", "title": "顧客マスタ", "kind": "csv", "path": "shop/customers.csv", "charset": "UTF-8",
             "primaryKey": "顧客番号",
             "identity": {"fullName": "氏名", "reading": "フリガナ", "birthDate": "生年月日", "postcode": "郵便番号", "address": "住所",
                          "phones": ["電話番号", "携帯番号"], "emails": ["メールアドレス"]},
             "category": "customer", "purpose": "お客様本人確認、販売時の発送", "jointlyUsed": true},
            {"id": "shop-orders", "company": "shop", "title": "注文", "kind": "csv", "path": "shop/orders.csv", "charset": "UTF-8",
             "primaryKey": "注文番号", "identity": {}, "foreignKeys": [{"column": "顧客番号", "source": "shop-customers"}],
             "category": "customer", "purpose": "販売時の発送", "jointlyUsed": true},
            {"id": "shop-shipments", "company": "shop", "title": "配送", "kind": "csv", "path": "shop/shipments.csv", "charset": "UTF-8",
             "primaryKey": "伝票番号", "identity": {"fullName": "届け先氏名", "address": "届け先住所"},
             "foreignKeys": [{"column": "注文番号", "source": "shop-orders"}],
             "category": "customer", "purpose": "販売時の発送", "jointlyUsed": false},
            {"id": "cs-calls", "company": "cs", "title": "通話録音", "kind": "jsonl", "path": "cs/calls.jsonl",
             "primaryKey": "call_id", "identity": {"phones": ["caller"], "recordDate": "started"},
             "category": "call_recording", "purpose": "サービス品質の向上、対応内容の確認", "jointlyUsed": false},
            {"id": "cs-empty", "company": "cs", "title": "セミナー申込", "kind": "jsonl", "path": "cs/empty.jsonl",
             "primaryKey": "id", "identity": {"fullName": "name"},
             "category": "seminar", "purpose": "セミナーの各種ご連絡", "jointlyUsed": false}
          %s]
        }
        """,
            extraSources));
    write(dir, "cs/empty.jsonl", "");
  }

  /** Checks every API answer against openapi.json ({@link ApiAnswers}). */
  final HttpClient http = ApiAnswers.client(HttpClient.newBuilder());

  HttpResponse<String> post(String path, Role role, String body) throws Exception {
    return send("POST", path, role == null ? null : TOKENS.get(role), body);
  }

  HttpResponse<String> get(String path, Role role) throws Exception {
    return send("GET", path, role == null ? null : TOKENS.get(role), null);
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A client of a server started elsewhere on a loopback port (e.g. after a restart). */
  record ServerAt(int port) {
    HttpResponse<String> get(String path, Role role) throws Exception {
      return send("GET", path, role, null);
    }

    HttpResponse<String> post(String path, Role role, String body) throws Exception {
      return send("POST", path, role, body);
    }

    HttpResponse<String> send(String method, String path, Role role, String body) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + TOKENS.get(role));
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      try (HttpClient client = HttpClient.newHttpClient()) {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      }
    }
  }

  RebuildJob.Progress rebuildAndWait() throws Exception {
    String job = app.admin().startRebuild();
    for (int i = 0; i < 600; i++) {
      RebuildJob.Progress p = app.admin().job(job).orElseThrow();
      if (p.state() != RebuildJob.State.PENDING && p.state() != RebuildJob.State.RUNNING) {
        if (p.state() != RebuildJob.State.SUCCEEDED) {
          throw new AssertionError("rebuild " + p.state() + ": " + p.message().orElse(""));
        }
        return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("rebuild did not finish in 30 s");
  }

  void write(String relative, String content) throws IOException {
    write(dir, relative, content);
  }

  static void write(Path dir, String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    app.close();
  }
}
