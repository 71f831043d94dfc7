package jp.kaiji.server;

import static jp.kaiji.server.DisclosureIT.error;
import static jp.kaiji.server.DisclosureIT.form;
import static jp.kaiji.server.DisclosureIT.hits;
import static jp.kaiji.server.DisclosureIT.ok;
import static jp.kaiji.server.DisclosureIT.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.kaiji.auth.Role;
import jp.kaiji.normalize.Hashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holdings that identifiers cannot find, over real HTTP: store footage found by a visit, call
 * recordings by a call (the WAV file in the package with its SHA-256), an affiliate log by a cookie
 * id, retention, and the three states per category in the answer's §1.
 */
class HoldingsIT {
  @TempDir static Path dir;
  static TestWorld world;

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** Two days ago (within every retention) and forty days ago (past the footage's 28). */
  static final LocalDate RECENT = LocalDate.now(TOKYO).minusDays(2);

  static final LocalDate OLD = LocalDate.now(TOKYO).minusDays(40);

  static final String SOURCES =
      """
      ,
      {"id": "shop-footage", "company": "shop", "title": "店舗カメラ映像索引", "kind": "csv", "path": "shop/footage.csv",
       "primaryKey": "clip_id", "locators": {"store": "store_id", "start": "start_at", "end": "end_at"},
       "retentionDays": 28,
       "media": {"column": "clip_file", "baseDir": "media/footage", "disclose": "describe",
                 "reason": "他のお客様や従業員が映っているため"},
       "category": "cctv", "purpose": "防犯", "jointlyUsed": false},
      {"id": "cs-recordings", "company": "cs", "title": "通話録音ファイル台帳", "kind": "csv", "path": "cs/recordings.csv",
       "primaryKey": "rec_id", "locators": {"phone": "caller", "start": "started_at", "durationSeconds": "seconds"},
       "retentionDays": 365, "media": {"column": "wav", "baseDir": "media/calls"},
       "category": "call_recording", "purpose": "対応内容の確認", "jointlyUsed": false},
      {"id": "web-affiliate", "company": "shop", "title": "アフィリエイト成果ログ", "kind": "csv", "path": "shop/affiliate.csv",
       "primaryKey": "click_id", "locators": {"cookies": ["cookie_id"], "ip": "ip", "start": "clicked_at"},
       "retentionDays": 90, "category": "affiliate", "purpose": "広告効果の測定", "jointlyUsed": false},
      {"id": "web-old", "company": "shop", "title": "キャンペーン応募ログ（旧）", "kind": "csv", "path": "shop/old.csv",
       "primaryKey": "id", "locators": {"cookies": ["cookie_id"], "start": "at"}, "retentionDays": 7,
       "category": "request_survey_campaign", "purpose": "キャンペーンの運営", "jointlyUsed": false}
      """;

  static String at(LocalDate day, int hour, int minute) {
    return AT.format(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)));
  }

  static Map<String, String> files() {
    return Map.of(
        "shop/footage.csv",
        "clip_id,store_id,camera,start_at,end_at,clip_file\n"
            + "F1,S012,2,"
            + at(RECENT, 14, 0)
            + ","
            + at(RECENT, 14, 15)
            + ",S012/cam2-1400.mp4\n"
            + "F2,S013,1,"
            + at(RECENT, 14, 0)
            + ","
            + at(RECENT, 14, 15)
            + ",S013/cam1-1400.mp4\n"
            + "F3,S012,2,"
            + at(OLD, 11, 0)
            + ","
            + at(OLD, 11, 15)
            + ",S012/cam2-old.mp4\n",
        "media/footage/.keep",
        "",
        "media/calls/.keep",
        "",
        "cs/recordings.csv",
        "rec_id,caller,started_at,seconds,wav\n"
            + "W1,03-5555-0101,"
            + at(RECENT, 10, 30)
            + ",4,2026/W1.wav\n"
            + "W2,03-5555-0199,"
            + at(RECENT, 11, 0)
            + ",3,2026/W2.wav\n",
        "shop/affiliate.csv",
        "click_id,cookie_id,ip,clicked_at,site\n"
            + "A1,ck-7f3a91,203.0.113.7,"
            + at(RECENT, 21, 10)
            + ",partner.example\n",
        "shop/old.csv",
        "id,cookie_id,at\n" + "O1,ck-7f3a91," + at(OLD, 9, 0) + "\n");
  }

  /** A small WAV file: 16-bit mono PCM, a 440 Hz tone, written by hand (header + samples). */
  static byte[] wav(int seconds) {
    int rate = 8000;
    int samples = rate * seconds;
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    b.putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    return b.array();
  }

  @BeforeAll
  static void start() throws Exception {
    world = new TestWorld(dir, SOURCES, files());
    Files.createDirectories(dir.resolve("media/calls/2026"));
    Files.write(dir.resolve("media/calls/2026/W1.wav"), wav(4));
    Files.write(dir.resolve("media/calls/2026/W2.wav"), wav(3));
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  private static JsonNode search(String subject) throws Exception {
    return ok(world.post("/api/subject-search", Role.STAFF, "{\"subject\": " + subject + "}"), 200);
  }

  private static JsonNode category(JsonNode result, String id) {
    return StreamSupport.stream(result.path("categories").spliterator(), false)
        .filter(c -> c.path("category").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no category " + id + " in " + result));
  }

  private static List<String> ids(JsonNode result) {
    return hits(result).stream().map(h -> h.path("id").asText()).toList();
  }

  @Test
  void aVisitFindsTheClipForReviewAndItsFileIsDescribedNotIncluded() throws Exception {
    JsonNode r =
        search(
            "{\"locators\": {\"visits\": [{\"store\": \"ｓ０１２\", \"date\": \""
                + RECENT
                + "\", \"time\": \"14:20\", \"windowMinutes\": 5}]}}");
    assertThat(ids(r)).containsExactly("shop-footage/F1");
    JsonNode hit = hits(r).getFirst();
    assertThat(hit.path("tier").asText()).isEqualTo("needs_review");
    assertThat(hit.path("foundBy").asText()).isEqualTo("LOCATOR");
    assertThat(hit.path("explanation").get(0).asText()).startsWith("locator.visit: same store");
    assertThat(hit.path("media").path("included").asBoolean()).isFalse();
    assertThat(hit.path("media").path("file").asText()).isEqualTo("S012/cam2-1400.mp4");
    assertThat(category(r, "cctv").path("state").asText()).isEqualTo("found");
    // Outside the clip's time, at the same store: nothing.
    JsonNode later =
        search(
            "{\"locators\": {\"visits\": [{\"store\": \"S012\", \"date\": \""
                + RECENT
                + "\", \"time\": \"15:00\", \"windowMinutes\": 30}]}}");
    assertThat(ids(later)).isEmpty();
    assertThat(category(later, "cctv").path("state").asText()).isEqualTo("nothing_found");
  }

  @Test
  void aVisitPastTheFootageRetentionIsReportedAsNotHeld() throws Exception {
    JsonNode r =
        search("{\"locators\": {\"visits\": [{\"store\": \"S012\", \"date\": \"" + OLD + "\"}]}}");
    // F3 is still in the source, but 40 days old with 28 days of retention: overwritten.
    assertThat(ids(r)).isEmpty();
    JsonNode cctv = category(r, "cctv");
    assertThat(cctv.path("state").asText()).isEqualTo("nothing_found");
    assertThat(cctv.path("expired").get(0).path("source").asText()).isEqualTo("shop-footage");
    // A source whose every record is past retention holds nothing: not "held, not findable".
    JsonNode campaign = category(r, "request_survey_campaign");
    assertThat(campaign.path("state").asText()).isEqualTo("nothing_found");
    assertThat(campaign.path("notFindable").size()).isZero();
    // The cookie of the old campaign log finds nothing either.
    JsonNode byCookie = search("{\"locators\": {\"cookies\": [\"ck-7f3a91\"]}}");
    assertThat(ids(byCookie)).containsExactly("web-affiliate/A1");
    // A search by a locator alone searched no identity source: those are held, not findable, and
    // the requester's identifiers would find them.
    JsonNode customer = category(byCookie, "customer");
    assertThat(customer.path("state").asText()).isEqualTo("held_not_findable");
    assertThat(customer.path("notFindable").get(0).path("couldGive").toString())
        .isEqualTo("[\"identity\"]");
  }

  @Test
  void aRequestWithoutLocatorsSaysWhatIsHeldButNotFindable() throws Exception {
    String ref = "R-LOC-0001";
    ok(world.post("/api/requests", Role.STAFF, form(ref, "2025-04-30", DisclosureIT.TARO)), 201);
    JsonNode r = ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    assertThat(ids(r)).noneMatch(id -> id.startsWith("shop-footage/") || id.startsWith("web-"));
    assertThat(category(r, "customer").path("state").asText()).isEqualTo("found");
    JsonNode cctv = category(r, "cctv");
    assertThat(cctv.path("state").asText()).isEqualTo("held_not_findable");
    assertThat(cctv.path("notFindable").get(0).path("retentionDays").asInt()).isEqualTo(28);
    assertThat(cctv.path("notFindable").get(0).path("couldGive").get(0).asText())
        .isEqualTo("visit");
    JsonNode affiliate = category(r, "affiliate");
    assertThat(affiliate.path("state").asText()).isEqualTo("held_not_findable");
    assertThat(affiliate.path("notFindable").get(0).path("couldGive").toString())
        .isEqualTo("[\"cookie\",\"ip\"]");
    // The call log found by Taro's mobile is found; the recordings ledger, keyed by number and
    // time only, is listed as not findable beside it.
    JsonNode calls = category(r, "call_recording");
    assertThat(calls.path("state").asText()).isEqualTo("found");
    assertThat(calls.path("notFindable").get(0).path("source").asText()).isEqualTo("cs-recordings");
    assertThat(category(r, "seminar").path("state").asText()).isEqualTo("nothing_found");

    // The stored result keeps the states; the package's §1 shows them.
    JsonNode stored = ok(world.get("/api/requests/" + ref, Role.STAFF), 200).path("result");
    assertThat(category(stored, "cctv").path("state").asText()).isEqualTo("held_not_findable");
    acceptAllAndReady(ref, r);
    Map<String, byte[]> files = unzip(download(ref, Role.STAFF));
    String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "id=\"categories\"",
            "<tr data-state=\"held_not_findable\"><td>店舗カメラの映像</td>",
            "「店舗カメラ映像索引」（保存期間 28 日）は、ご来店の日時と店舗をお知らせいただければ検索いたします。",
            "<tr data-state=\"found\"><td>お客様の個人情報</td>",
            "<tr data-state=\"nothing_found\"><td>セミナー申し込みにおける個人情報</td>");
    JsonNode data = DisclosureIT.json.readTree(files.get("data.json"));
    assertThat(data.path("categories").toString()).contains("\"state\":\"held_not_findable\"");
  }

  @Test
  void aRequestAboutNobodyDoesNotSayNothingIsHeldWhileFootageIs() throws Exception {
    String ref = "R-LOC-0002";
    ok(
        world.post(
            "/api/requests",
            Role.STAFF,
            form(ref, "2025-04-30", "{\"name\": \"存在 しない\", \"birthDate\": \"2001-02-03\"}")),
        201);
    ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    ok(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 200);
    String html =
        new String(unzip(download(ref, Role.STAFF)).get("index.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .doesNotContain("id=\"nothing-held\"")
        .contains("id=\"not-identified\"", "記載事項では特定できない形で保有している情報があります")
        .contains("<tr data-state=\"held_not_findable\"><td>通話録音</td>");
  }

  @Test
  void aCallIsFoundAtTheEdgeOfItsWindowAndOnlyThen() throws Exception {
    // The call W1 runs 10:30:00 to 10:30:04; a window of 0 minutes is the given minute itself.
    JsonNode atStart =
        search(
            "{\"name\": \"山田 太郎\", \"locators\": {\"calls\": [{\"number\": \"0355550101\", \"date\": \""
                + RECENT
                + "\", \"time\": \"10:30\", \"windowMinutes\": 0}]}}");
    assertThat(ids(atStart)).contains("cs-recordings/W1", "shop-customers/C001");
    assertThat(ids(atStart)).doesNotContain("cs-recordings/W2");
    JsonNode aMinuteLater =
        search(
            "{\"locators\": {\"calls\": [{\"number\": \"03-5555-0101\", \"date\": \""
                + RECENT
                + "\", \"time\": \"10:31\", \"windowMinutes\": 0}]}}");
    assertThat(ids(aMinuteLater)).isEmpty();
    // A locator that cannot be read is listed; with nothing else usable the search is refused.
    error(
        world.post(
            "/api/subject-search",
            Role.STAFF,
            "{\"subject\": {\"locators\": {\"ips\": [{\"address\": \"999.1.1.1\", \"date\": \"2026-11-20\"}]}}}"),
        400,
        "KJ-400-03");
  }

  @Test
  void aPackageIncludesTheRecordingWithItsSha256AndDescribesTheFootage() throws Exception {
    String ref = "R-LOC-0004";
    String subject =
        "{\"locators\": {\"calls\": [{\"number\": \"03-5555-0101\", \"date\": \""
            + RECENT
            + "\"}], \"visits\": [{\"store\": \"S012\", \"date\": \""
            + RECENT
            + "\", \"time\": \"14:10\"}]}}";
    ok(world.post("/api/requests", Role.STAFF, form(ref, "2025-04-30", subject)), 201);
    JsonNode r = ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    assertThat(ids(r)).containsExactlyInAnyOrder("cs-recordings/W1", "shop-footage/F1");
    acceptAllAndReady(ref, r);
    Map<String, byte[]> files = unzip(download(ref, Role.STAFF));
    byte[] wav = Files.readAllBytes(dir.resolve("media/calls/2026/W1.wav"));
    assertThat(files.get("media/cs-recordings/W1.wav")).isEqualTo(wav);
    // No clip: footage is described, never included.
    assertThat(files.keySet()).noneMatch(n -> n.endsWith(".mp4"));
    JsonNode manifest = DisclosureIT.json.readTree(files.get("manifest.json"));
    assertThat(manifest.path("files").toString())
        .contains(
            "{\"name\":\"media/cs-recordings/W1.wav\",\"bytes\":"
                + wav.length
                + ",\"sha256\":\""
                + Hashes.sha256Hex(wav)
                + "\"}");
    JsonNode data = DisclosureIT.json.readTree(files.get("data.json"));
    String records = data.path("companies").toString();
    assertThat(records)
        .contains("\"file\":\"media/cs-recordings/W1.wav\",\"sha256\":\"" + Hashes.sha256Hex(wav))
        .contains("このファイルはそのままの形では開示いたしません。理由：他のお客様や従業員が映っているため");
    String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("同封ファイル media/cs-recordings/W1.wav（SHA-256: " + Hashes.sha256Hex(wav) + "）")
        .contains("S012/cam2-1400.mp4", "他のお客様や従業員が映っているため");
  }

  private static byte[] download(String ref, Role role) throws Exception {
    java.net.http.HttpResponse<byte[]> r =
        world.http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(world.base + "/api/requests/" + ref + "/package"))
                .header("Authorization", "Bearer " + TestWorld.TOKENS.get(role))
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static void acceptAllAndReady(String ref, JsonNode result) throws Exception {
    StringBuilder body = new StringBuilder("{\"decisions\": [");
    List<String> review =
        hits(result).stream()
            .filter(h -> h.path("tier").asText().equals("needs_review"))
            .map(h -> h.path("id").asText())
            .toList();
    for (int i = 0; i < review.size(); i++) {
      body.append(i == 0 ? "" : ", ")
          .append("{\"recordId\": \"")
          .append(review.get(i))
          .append("\", \"decision\": \"accept\"}");
    }
    if (!review.isEmpty()) {
      ok(world.post("/api/requests/" + ref + "/decisions", Role.STAFF, body + "]}"), 200);
    }
    ok(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 200);
  }
}
