package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subject search over real HTTP on loopback, against the hard cases of {@link TestWorld}. */
class SubjectSearchIT {
  @TempDir static Path dir;
  static TestWorld world;
  static final ObjectMapper json = new ObjectMapper();

  static final String REQUESTER =
      """
      {"requestReference": "R-2026-0001", "subject": {
        "name": "山田　太郎", "reading": "やまだ たろう", "birthDate": "S50.3.5",
        "addresses": [{"postcode": "〒541-0052", "address": "大阪府大阪市中央区安土町3-5-13"}],
        "phones": ["０９０-１２３４-５６７８"], "emails": ["taro.yamada@example.jp"]}}
      """;

  @BeforeAll
  static void start() throws Exception {
    world = new TestWorld(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  static HttpResponse<String> post(String path, Role role, String body) throws Exception {
    return world.post(path, role, body);
  }

  static HttpResponse<String> get(String path, Role role) throws Exception {
    return world.get(path, role);
  }

  static List<JsonNode> records(JsonNode result) {
    List<JsonNode> out = new ArrayList<>();
    result
        .path("companies")
        .forEach(c -> c.path("sources").forEach(s -> s.path("records").forEach(out::add)));
    return out;
  }

  static JsonNode record(JsonNode result, String id) {
    return records(result).stream()
        .filter(r -> r.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    id
                        + " not in the result: "
                        + records(result).stream().map(r -> r.path("id").asText()).toList()));
  }

  static void assertTier(JsonNode result, String id, String tier) {
    JsonNode r = record(result, id);
    assertThat(r.path("tier").asText())
        .as("%s: score %s, %s", id, r.path("score"), r.path("explanation"))
        .isEqualTo(tier);
  }

  @Test
  void findsTheRequestersRecordsAndNobodyElses() throws Exception {
    HttpResponse<String> r = post("/api/subject-search", Role.STAFF, REQUESTER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode result = json.readTree(r.body());
    List<String> ids = records(result).stream().map(n -> n.path("id").asText()).toList();

    assertTier(result, "shop-customers/C001", "confirmed");
    assertThat(record(result, "shop-orders/O1").path("foundBy").asText()).isEqualTo("FOREIGN_KEY");
    assertThat(record(result, "shop-orders/O1").path("via").asText())
        .isEqualTo("shop-customers/C001");
    assertTier(result, "shop-orders/O2", "confirmed");
    assertTier(result, "shop-shipments/S1", "confirmed");
    assertTier(result, "cs-calls/K1", "needs_review");
    // Wife, twin, namesake, previous holder of the mobile; the wife's order, call and parcel.
    assertThat(ids)
        .doesNotContain(
            "shop-customers/C002",
            "shop-customers/C003",
            "shop-customers/C004",
            "shop-customers/C005",
            "shop-orders/O3",
            "cs-calls/K2",
            "shop-shipments/S2");

    JsonNode customer = record(result, "shop-customers/C001");
    assertThat(customer.path("original").path("氏名").asText()).isEqualTo("山田 太郎");
    assertThat(customer.path("explanation").toString())
        .contains("phone: same (E.164, mobile)", "birthDate: same", "email: same");
    // A JSON Lines record comes back as its source holds it: types, nesting and order kept.
    JsonNode call = record(result, "cs-calls/K1").path("original");
    assertThat(call.path("duration_sec").isIntegralNumber()).isTrue();
    assertThat(call.path("line").isObject()).isTrue();
    assertThat(call.path("line").path("ext").intValue()).isEqualTo(12);
    assertThat(call.properties().stream().map(java.util.Map.Entry::getKey).toList())
        .containsExactly("call_id", "caller", "started", "duration_sec", "line");
  }

  @Test
  void aBadPhoneAndAnImpossibleDateDoNotRefuseTheSearch() throws Exception {
    // A second phone that is no number and a day that does not exist (3月35日): the rest is used.
    String body =
        REQUESTER
            .replace("\"S50.3.5\"", "\"S50.3.35\"")
            .replace(
                "\"phones\": [\"０９０-１２３４-５６７８\"]", "\"phones\": [\"０９０-１２３４-５６７８\", \"12-34\"]");
    assertThat(body).contains("S50.3.35", "12-34");
    HttpResponse<String> r = post("/api/subject-search", Role.STAFF, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode result = json.readTree(r.body());
    assertTier(result, "shop-customers/C001", "confirmed");
    List<String> unusable = new ArrayList<>();
    result
        .path("unusableIdentifiers")
        .forEach(u -> unusable.add(u.path("field").asText() + ":" + u.path("code").asText()));
    assertThat(unusable)
        .containsExactly("birthDate:date.no_such_day", "phones[1]:phone.unparsable");
    // The answer names the fields, never the values written in them.
    assertThat(result.path("unusableIdentifiers").toString()).doesNotContain("12-34", "S50.3.35");
    String audit = Files.readString(dir.resolve("data/audit.log"));
    assertThat(audit).contains("phones[1]:phone.unparsable").doesNotContain("S50.3.35");
  }

  @Test
  void aFormWithNothingUsableIsRefusedListingEveryField() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/subject-search",
            Role.STAFF,
            "{\"subject\": {\"birthDate\": \"いつか\", \"phones\": [\"12-34\"], \"emails\": [\"taro@\"]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode error = json.readTree(r.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("KJ-400-03");
    assertThat(error.path("field").asText()).isEqualTo("subject.birthDate");
    List<String> fields = new ArrayList<>();
    error.path("unusableIdentifiers").forEach(u -> fields.add(u.path("field").asText()));
    assertThat(fields).containsExactly("birthDate", "phones[0]", "emails[0]");
    assertThat(error.path("message").asText()).contains("phones[0]", "emails[0]");
    assertThat(r.body()).doesNotContain("12-34", "いつか");
  }

  @Test
  void provesTheSearchWasCompleteWithEverySourceAndTheGeneration() throws Exception {
    JsonNode result = json.readTree(post("/api/subject-search", Role.STAFF, REQUESTER).body());
    List<String> searched = new ArrayList<>();
    result
        .path("sourcesSearched")
        .forEach(s -> searched.add(s.path("source").asText() + "=" + s.path("hits").asInt()));
    assertThat(searched).contains("cs-empty=0", "shop-customers=1");
    assertThat(searched).hasSize(5);
    assertThat(result.path("generation").path("id").asText()).startsWith("gen-");
    assertThat(result.path("requestReference").asText()).isEqualTo("R-2026-0001");
    JsonNode customers = result.path("companies").get(0).path("sources").get(0);
    assertThat(customers.path("category").asText()).isEqualTo("customer");
    assertThat(customers.path("purpose").asText()).contains("本人確認");
  }

  @Test
  void variantKanjiMatchesAndIsExplained() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/subject-search",
            Role.STAFF,
            "{\"subject\": {\"name\": \"高橋 さくら\", \"birthDate\": \"1990年4月1日\"}}");
    JsonNode c = record(json.readTree(r.body()), "shop-customers/C006");
    assertThat(c.path("tier").asText()).isEqualTo("confirmed");
    assertThat(c.path("explanation").toString()).contains("髙→高");
  }

  @Test
  void auditsEverySearchWithoutPersonalDataAndTheChainVerifies() throws Exception {
    post("/api/subject-search", Role.STAFF, REQUESTER);
    Path log = dir.resolve("data/audit.log");
    String text = Files.readString(log);
    assertThat(text).contains("subject.search", "R-2026-0001", "test-staff");
    assertThat(text).doesNotContain("+819012345678", "taro.yamada@example.jp", "山田", "1975-03-05");
    assertThat(AuditLog.verify(log).intact()).isTrue();
  }

  @Test
  void recordLookupReturnsTheOriginalAndIsAudited() throws Exception {
    HttpResponse<String> r =
        get("/api/records/shop-customers/C001?requestReference=R-2026-0001", Role.STAFF);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json.readTree(r.body()).path("original").path("携帯番号").asText())
        .isEqualTo("090-1234-5678");
    assertThat(get("/api/records/shop-customers/NOPE", Role.STAFF).statusCode()).isEqualTo(404);
    assertThat(Files.readString(dir.resolve("data/audit.log")))
        .contains("record.view", "shop-customers/C001");
  }
}
