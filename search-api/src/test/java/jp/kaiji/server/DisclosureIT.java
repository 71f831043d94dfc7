package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.PackageContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disclosure request end to end over real HTTP, on a real H2 file database: register, search,
 * decide, redact, mark ready, export, download, and check the archive; the refusals on the way.
 */
class DisclosureIT {
  @TempDir static Path dir;
  static final ObjectMapper json = new ObjectMapper();
  static TestWorld world;

  /**
   * A source of records of provision to third parties and a free-text inquiry source, beside
   * TestWorld's.
   */
  static final String EXTRA_SOURCES =
      """
      ,
      {"id": "cs-provisions", "company": "cs", "title": "第三者提供記録", "kind": "csv", "path": "cs/provisions.csv", "charset": "UTF-8",
       "primaryKey": "提供記録ID", "identity": {"emailSha256": ["email_sha256"], "recordDate": "提供日"},
       "foreignKeys": [{"column": "顧客番号", "source": "shop-customers"}],
       "category": "third_party_provision", "purpose": "広告配信等の目的で提携会社に提供するため", "jointlyUsed": false},
      {"id": "cs-inquiries", "company": "cs", "title": "お問い合わせ", "kind": "jsonl", "path": "cs/inquiries.jsonl",
       "primaryKey": "id", "identity": {"fullName": "name", "emails": ["email"]},
       "category": "inquiry", "purpose": "お問い合わせへの回答", "jointlyUsed": false}
      """;

  static final Map<String, String> EXTRA_FILES =
      Map.of(
          "cs/provisions.csv",
          "提供記録ID,提供日,提供先,提供項目,email_sha256,顧客番号\n"
              + "TP1,2024-06-01,\"Example Ads, Inc.\",メールアドレス（ハッシュ値）,2e8c29fab63885b060cade2faefad2348b0b4fdf3379d4d5971015f01716c699,C001\n",
          "cs/inquiries.jsonl",
          "{\"id\":\"Q1\",\"name\":\"山田 太郎\",\"email\":\"taro.yamada@example.jp\",\"body\":\"妻の山田花子が注文した指輪について問い合わせます。\"}\n");

  static final String FORM =
      """
      {"reference": "%s", "receivedOn": "2025-04-01", "requesterKind": "person",
       "documents": [{"kind": "drivers_license", "photo": true, "issuedOn": "2020-01-01"}],
       "actions": ["disclosure", "purpose_notification"], "feePaid": true, "delivery": "electronic", "dueOn": "%s",
       "subject": %s}""";

  static final String TARO =
      """
      {"name": "山田 太郎", "reading": "ヤマダ タロウ", "birthDate": "1975-03-05",
       "addresses": [{"postcode": "541-0052", "address": "大阪府大阪市中央区安土町3-5-13"}],
       "phones": ["090-1234-5678"], "emails": ["taro.yamada@example.jp"]}""";

  @BeforeAll
  static void start() throws Exception {
    world = new TestWorld(dir, EXTRA_SOURCES, EXTRA_FILES);
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  static JsonNode ok(HttpResponse<String> r, int status) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return json.readTree(r.body());
  }

  static JsonNode error(HttpResponse<String> r, int status, String code) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode e = json.readTree(r.body()).path("error");
    assertThat(e.path("code").asText()).as(r.body()).isEqualTo(code);
    return e;
  }

  static String form(String ref, String due, String subject) {
    return String.format(Locale.ROOT, FORM, ref, due, subject);
  }

  static List<JsonNode> hits(JsonNode result) {
    List<JsonNode> out = new ArrayList<>();
    result
        .path("companies")
        .forEach(c -> c.path("sources").forEach(s -> s.path("records").forEach(out::add)));
    return out;
  }

  static byte[] download(String ref, Role role) throws Exception {
    HttpResponse<byte[]> r =
        world.http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/api/requests/" + ref + "/package"))
                .header("Authorization", "Bearer " + TestWorld.TOKENS.get(role))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/zip");
    return r.body();
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void aRequestGoesThroughFromRegistrationToAVerifiedPackage() throws Exception {
    String ref = "R-2025-0001";
    JsonNode created =
        ok(world.post("/api/requests", Role.STAFF, form(ref, "2025-04-30", TARO)), 201);
    assertThat(created.path("status").asText()).isEqualTo("received");
    assertThat(created.path("fee").path("yen").asInt()).isEqualTo(1500);
    error(world.post("/api/requests", Role.STAFF, form(ref, "2025-04-30", TARO)), 409, "KJ-409-02");

    // Refused before the search: no decisions, no ready, no package.
    error(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 409, "KJ-409-03");
    error(world.get("/api/requests/" + ref + "/package", Role.STAFF), 409, "KJ-409-03");
    error(
        world.post(
            "/api/requests/" + ref + "/decisions",
            Role.STAFF,
            "{\"decisions\": [{\"recordId\": \"shop-customers/C001\", \"decision\": \"accept\"}]}"),
        409,
        "KJ-409-03");

    JsonNode result = ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    // The same shape as a search without a request: generation object and summary.
    assertThat(result.path("requestReference").asText()).isEqualTo(ref);
    assertThat(result.path("generation").path("id").asText()).startsWith("gen-");
    assertThat(result.path("summary").path("records").asInt()).isEqualTo(hits(result).size());
    List<String> ids = hits(result).stream().map(h -> h.path("id").asText()).toList();
    assertThat(ids)
        .contains(
            "shop-customers/C001",
            "shop-orders/O1",
            "cs-calls/K1",
            "cs-provisions/TP1",
            "cs-inquiries/Q1")
        .doesNotContain("shop-customers/C002", "shop-customers/C003");
    List<String> needsReview =
        hits(result).stream()
            .filter(h -> h.path("tier").asText().equals("needs_review"))
            .map(h -> h.path("id").asText())
            .toList();
    assertThat(needsReview).contains("cs-calls/K1");
    assertThat(Files.readString(dir.resolve("data/audit.log")))
        .contains("\"action\":\"subject.search\",\"requestReference\":\"" + ref + "\"");

    // Ready is refused while needs-review records are undecided; a decision needs a record of the
    // result.
    error(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 409, "KJ-409-04");
    JsonNode notInResult =
        error(
            world.post(
                "/api/requests/" + ref + "/decisions",
                Role.STAFF,
                "{\"decisions\": [{\"recordId\": \"shop-customers/C002\", \"decision\": \"accept\"}]}"),
            400,
            "KJ-400-06");
    assertThat(notInResult.path("field").asText()).isEqualTo("decisions[0].recordId");
    JsonNode noReason =
        error(
            world.post(
                "/api/requests/" + ref + "/decisions",
                Role.STAFF,
                "{\"decisions\": [{\"recordId\": \"cs-calls/K1\", \"decision\": \"reject\"}]}"),
            400,
            "KJ-400-03");
    assertThat(noReason.path("message").asText()).contains("reason");

    // Reject the call (a phone match only), accept every other needs-review record.
    StringBuilder body =
        new StringBuilder(
            "{\"decisions\": [{\"recordId\": \"cs-calls/K1\", \"decision\": \"reject\", \"reason\": \"電話番号のみ一致、通話日に番号を保有していた確認なし\"}");
    needsReview.stream()
        .filter(id -> !id.equals("cs-calls/K1"))
        .forEach(
            id ->
                body.append(", {\"recordId\": \"")
                    .append(id)
                    .append("\", \"decision\": \"accept\"}"));
    JsonNode decided =
        ok(world.post("/api/requests/" + ref + "/decisions", Role.STAFF, body + "]}"), 200);
    assertThat(decided.path("undecided").size()).isZero();
    // A decision comes back under the name it was sent with.
    // (Only the call may be in review: the matcher confirms what it can prove.)
    assertThat(decided.path("decisions").findValuesAsText("decision"))
        .hasSize(needsReview.size())
        .contains("reject");
    JsonNode stored = ok(world.get("/api/requests/" + ref, Role.STAFF), 200);
    assertThat(stored.path("decisions").findValuesAsText("decision")).contains("reject");
    assertThat(stored.path("result").path("generation").path("id").asText())
        .isEqualTo(result.path("generation").path("id").asText());
    assertThat(stored.path("result").path("summary")).isEqualTo(result.path("summary"));
    JsonNode badEnum =
        error(
            world.post(
                "/api/requests/" + ref + "/decisions",
                Role.STAFF,
                "{\"decisions\": [{\"recordId\": \"cs-calls/K1\", \"decision\": \"maybe\"}]}"),
            400,
            "KJ-400-03");
    assertThat(badEnum.path("field").asText()).isEqualTo("decisions[0].decision");

    // Redact the wife's name in the inquiry's free text.
    error(
        world.post(
            "/api/requests/" + ref + "/redactions",
            Role.STAFF,
            "{\"recordId\": \"cs-inquiries/Q1\", \"field\": \"body\", \"start\": 2, \"end\": 99, \"reason\": \"第三者\"}"),
        400,
        "KJ-400-07");
    ok(
        world.post(
            "/api/requests/" + ref + "/redactions",
            Role.STAFF,
            "{\"recordId\": \"cs-inquiries/Q1\", \"field\": \"body\", \"start\": 2, \"end\": 6, \"reason\": \"第三者（配偶者）の氏名\"}"),
        201);

    // The exporter may not register or search; staff may not export.
    assertThat(
            world
                .post("/api/requests", Role.EXPORTER, form("R-X", "2025-04-30", TARO))
                .statusCode())
        .isEqualTo(403);
    assertThat(world.post("/api/requests/" + ref + "/search", Role.EXPORTER, "").statusCode())
        .isEqualTo(403);
    assertThat(world.post("/api/exports", Role.STAFF, "").statusCode()).isEqualTo(403);

    ok(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 200);
    error(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 409, "KJ-409-03");
    // One rule with the console: while ready, the package downloads as the bytes the export will
    // write (checked below against the exported archive).
    byte[] beforeExport = download(ref, Role.STAFF);

    JsonNode run = ok(world.post("/api/exports", Role.EXPORTER, ""), 200);
    assertThat(run.path("exported").findValuesAsText("reference")).contains(ref);
    assertThat(run.path("failed").size()).isZero();
    JsonNode again = ok(world.post("/api/exports", Role.EXPORTER, ""), 200);
    assertThat(again.path("exported").findValuesAsText("reference")).doesNotContain(ref);

    byte[] zip = download(ref, Role.EXPORTER);
    assertThat(download(ref, Role.STAFF)).isEqualTo(zip).isEqualTo(beforeExport);
    Map<String, byte[]> files = unzip(zip);
    assertThat(files.keySet())
        .startsWith("index.html", "data.json")
        .endsWith("manifest.json")
        .contains("csv/shop-customers.csv", "csv/cs-provisions.csv", "csv/cs-inquiries.csv")
        .doesNotContain("csv/cs-calls.csv", "csv/cs-empty.csv");

    // The manifest: checksums of every other file, every source searched with its hits (zero too).
    JsonNode manifest = json.readTree(files.get("manifest.json"));
    assertThat(manifest.path("requestReference").asText()).isEqualTo(ref);
    assertThat(manifest.path("indexGeneration").path("id").asText()).isNotEmpty();
    assertThat(manifest.path("files").size()).isEqualTo(files.size() - 1);
    for (JsonNode f : manifest.path("files")) {
      byte[] content = files.get(f.path("name").asText());
      assertThat(content).as(f.path("name").asText()).isNotNull();
      assertThat(PackageContents.sha256(content)).isEqualTo(f.path("sha256").asText());
    }
    Map<String, JsonNode> searched = new LinkedHashMap<>();
    manifest.path("sourcesSearched").forEach(s -> searched.put(s.path("source").asText(), s));
    assertThat(searched)
        .containsKeys(
            "shop-customers",
            "shop-orders",
            "shop-shipments",
            "cs-calls",
            "cs-empty",
            "cs-provisions",
            "cs-inquiries");
    assertThat(searched.get("cs-empty").path("hits").asInt()).isZero();
    assertThat(searched.get("cs-calls").path("hits").asInt()).isPositive();
    assertThat(searched.get("cs-calls").path("disclosed").asInt()).isZero();

    // data.json: company → source with category and purpose.
    JsonNode data = json.readTree(files.get("data.json"));
    assertThat(data.path("nothingHeld").asBoolean()).isFalse();
    JsonNode shop = data.path("companies").get(0);
    assertThat(shop.path("legalName").asText()).isEqualTo("株式会社 BuySell Technologies");
    JsonNode customers = shop.path("sources").get(0);
    assertThat(customers.path("category").asText()).isEqualTo("customer");
    assertThat(customers.path("purpose").asText()).isEqualTo("お客様本人確認、販売時の発送");
    assertThat(customers.path("records").findValuesAsText("id"))
        .containsExactly("shop-customers/C001");
    assertThat(data.path("thirdPartyProvisions").get(0).path("recipient").asText())
        .isEqualTo("Example Ads, Inc.");

    // CSV for Excel: UTF-8 BOM, CRLF, quoting.
    byte[] csv = files.get("csv/cs-provisions.csv");
    assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String csvText = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(csvText)
        .startsWith("提供記録ID,提供日,提供先,提供項目")
        .contains("\r\n")
        .contains("\"Example Ads, Inc.\"");

    // index.html: purposes, joint use, provisions, the redaction shown, the redacted name nowhere.
    String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "<html lang=\"ja\">",
            "利用目的",
            "お客様本人確認、販売時の発送",
            "共同利用について",
            "顧客管理",
            "個人データの管理について責任を有する者",
            "第三者提供記録",
            "Example Ads, Inc.",
            "2024-06-01",
            "メールアドレス（ハッシュ値）",
            "［墨消し］");
    assertThat(html).doesNotContain("ご本人に関する個人データを第三者に提供した記録はありません");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertThat(new String(f.getValue(), StandardCharsets.UTF_8))
          .as(f.getKey())
          .doesNotContain("山田花子", "080-2222-3333");
    }
    assertThat(world.get("/api/records/cs-inquiries/Q1", Role.STAFF).body()).contains("山田花子");

    // Byte-identical when built again, and after a restart on the same database (migrations
    // idempotent).
    DisclosureService service = world.app.disclosure();
    assertThat(service.renderPackage(ref)).isEqualTo(zip).isEqualTo(service.renderPackage(ref));
    JsonNode view = ok(world.get("/api/requests/" + ref, Role.STAFF), 200);
    assertThat(view.path("status").asText()).isEqualTo("exported");
    assertThat(view.path("history").findValuesAsText("status"))
        .containsExactly("received", "in_review", "ready", "exported");
    assertThat(view.path("exports").get(0).path("sha256").asText())
        .isEqualTo(PackageContents.sha256(zip));
    String audit = Files.readString(dir.resolve("data/audit.log"));
    assertThat(audit)
        .contains(
            "\"action\":\"package.export\"",
            "\"action\":\"record.decision.reject\"",
            "\"action\":\"record.redaction\"",
            "\"action\":\"package.download\"")
        .doesNotContain("山田花子");
  }

  @Test
  void aRequestWithAnUnusableValueIsRegisteredSearchedAndKeepsTheListWithItsResult()
      throws Exception {
    String ref = "R-2025-0009";
    String subject = TARO.replace("[\"090-1234-5678\"]", "[\"090-1234-5678\", \"電話なし\"]");
    assertThat(subject).contains("電話なし");
    ok(world.post("/api/requests", Role.STAFF, form(ref, "2025-04-30", subject)), 201);
    JsonNode result = ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    assertThat(hits(result)).isNotEmpty();
    assertThat(result.path("unusableIdentifiers").get(0).path("field").asText())
        .isEqualTo("phones[1]");
    // The stored result carries the list: the reviewer sees later what the search left out.
    JsonNode stored = ok(world.get("/api/requests/" + ref, Role.STAFF), 200).path("result");
    assertThat(stored.path("unusableIdentifiers")).isEqualTo(result.path("unusableIdentifiers"));
    assertThat(stored.path("unusableIdentifiers").toString()).doesNotContain("電話なし");
  }

  @Test
  void aRequestAboutNobodyHeldSaysSoExplicitly() throws Exception {
    String ref = "R-2025-0002";
    ok(
        world.post(
            "/api/requests",
            Role.STAFF,
            form(ref, "2025-04-30", "{\"name\": \"存在 しない\", \"birthDate\": \"2001-02-03\"}")),
        201);
    JsonNode result = ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    // The same shape as a search without a request: generation object and summary.
    assertThat(result.path("requestReference").asText()).isEqualTo(ref);
    assertThat(result.path("generation").path("id").asText()).startsWith("gen-");
    assertThat(result.path("summary").path("records").asInt()).isEqualTo(hits(result).size());
    assertThat(hits(result)).isEmpty();
    ok(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 200);
    ok(world.post("/api/exports", Role.EXPORTER, ""), 200);
    Map<String, byte[]> files = unzip(download(ref, Role.STAFF));
    assertThat(files.keySet()).containsExactly("index.html", "data.json", "manifest.json");
    String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "id=\"nothing-held\"",
            "保有個人データは、当社グループのいずれの会社においても保有しておりません",
            "ご本人に関する個人データを第三者に提供した記録はありません",
            "共同利用について");
    assertThat(json.readTree(files.get("data.json")).path("nothingHeld").asBoolean()).isTrue();
    assertThat(json.readTree(files.get("manifest.json")).path("sourcesSearched").size())
        .isEqualTo(7);
  }

  @Test
  void aFailedExportLeavesNoArchiveAndTheRequestReady() throws Exception {
    String ref = "R-2025-0003";
    ok(
        world.post("/api/requests", Role.STAFF, form(ref, "2025-04-30", "{\"name\": \"誰も いない\"}")),
        201);
    ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    ok(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 200);
    Principal exporter = new Principal("test-exporter", Role.EXPORTER);

    // The package directory is a file: nothing can be written.
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    DisclosureService.ExportRun run =
        world.app.disclosure().exportReady(exporter, blocker.resolve("out"));
    assertThat(run.exported()).isEmpty();
    assertThat(run.failed()).extracting(DisclosureService.Failed::reference).contains(ref);

    // The target name is taken by a non-empty directory: the move fails after the archive was
    // written.
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createDirectories(out.resolve(ref + ".zip")).resolve("keep");
    Files.writeString(out.resolve(ref + ".zip").resolve("keep"), "x");
    run = world.app.disclosure().exportReady(exporter, out);
    assertThat(run.failed()).extracting(DisclosureService.Failed::reference).contains(ref);
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly(ref + ".zip");
    }
    assertThat(ok(world.get("/api/requests/" + ref, Role.STAFF), 200).path("status").asText())
        .isEqualTo("ready");
    assertThat(Files.readString(dir.resolve("data/audit.log")))
        .contains("\"action\":\"package.export_failed\"");

    // Once the directory is usable, the same request exports.
    Path good = Files.createDirectories(dir.resolve("good"));
    run = world.app.disclosure().exportReady(exporter, good);
    assertThat(run.exported()).extracting(DisclosureService.Exported::reference).contains(ref);
    assertThat(Files.exists(good.resolve(ref + ".zip"))).isTrue();
    try (Stream<Path> left = Files.list(good)) {
      assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void listShowsDueWarningsAndValidatesTheForm() throws Exception {
    ok(
        world.post(
            "/api/requests",
            Role.STAFF,
            form("R-OLD-1", "2025-01-10", TARO).replace("2025-04-01", "2025-01-01")),
        201);
    JsonNode list = ok(world.get("/api/requests?status=received", Role.STAFF), 200);
    JsonNode old = null;
    for (JsonNode r : list.path("requests")) {
      assertThat(r.path("status").asText()).isEqualTo("received");
      if (r.path("reference").asText().equals("R-OLD-1")) {
        old = r;
      }
    }
    assertThat(old).isNotNull();
    assertThat(old.path("dueWarning").asText()).isEqualTo("overdue");
    error(world.get("/api/requests?status=done", Role.STAFF), 400, "KJ-400-05");

    JsonNode view = ok(world.get("/api/requests/R-OLD-1", Role.STAFF), 200);
    assertThat(view.path("checks").toString()).doesNotContain("identity_not_proven");

    String agent =
        """
        {"reference": "R-AG-1", "receivedOn": "2025-04-01", "requesterKind": "appointed_agent",
         "agent": {"name": "代理 一郎", "relation": "友人", "lawyer": false},
         "documents": [{"kind": "power_of_attorney", "photo": false}, {"kind": "seal_certificate", "photo": false, "issuedOn": "2024-12-01"},
                       {"kind": "health_insurance_card", "photo": false}],
         "actions": ["correction"], "delivery": "paper", "dueOn": "2025-04-30", "subject": {"name": "山田 太郎"}}""";
    JsonNode ag = ok(world.post("/api/requests", Role.STAFF, agent), 201);
    assertThat(ag.path("fee").path("yen").asInt()).isZero();
    assertThat(ag.path("checks").toString())
        .contains("stale_document: documents[1]", "identity_not_proven")
        .doesNotContain("fee_unpaid", "agent_authority_missing");

    error(
        world.post(
            "/api/requests",
            Role.STAFF,
            agent.replace("R-AG-1", "R-AG-2").replace("\"appointed_agent\"", "\"person\"")),
        400,
        "KJ-400-03");
    JsonNode badDate =
        error(
            world.post("/api/requests", Role.STAFF, form("R-BAD", "2025-13-01", TARO)),
            400,
            "KJ-400-03");
    assertThat(badDate.path("message").asText()).contains("dueOn");
    error(
        world.post(
            "/api/requests",
            Role.STAFF,
            form("R-BAD", "2025-04-30", TARO).replace("\"disclosure\"", "\"everything\"")),
        400,
        "KJ-400-03");
    error(world.get("/api/requests/NOPE", Role.STAFF), 404, "KJ-404-01");
  }
}
