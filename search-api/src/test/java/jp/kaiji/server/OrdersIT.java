package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.kaiji.auth.Role;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correction, deletion and stops beyond disclosure, end to end over real HTTP on the test world's
 * real files: decide per record and action, issue work orders, the owner edits the fixture source
 * and confirms, Kaiji re-reads it (sync) and verifies; a refused action, an overdue order, an owner
 * scoped to one company; the answer letter; and the erasure that opens every kept index generation,
 * every stored result and every package and finds nothing of the erased record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdersIT {
  @TempDir static Path dir;
  static final ObjectMapper json = new ObjectMapper();
  static TestWorld world;

  /** The erased order's one distinctive value: no other record of the world holds it. */
  static final String ERASED_ITEM = "指輪";

  static final String NEW_EMAIL = "taro.new@example.jp";

  @BeforeAll
  static void start() throws Exception {
    world = new TestWorld(dir);
    // Two more generations, kept for rollback: the erasure must reach them too.
    world.rebuildAndWait();
    world.rebuildAndWait();
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  static String form(String ref, String actions) {
    return DisclosureIT.form(ref, "2025-04-30", DisclosureIT.TARO)
        .replace("[\"disclosure\", \"purpose_notification\"]", actions);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  /** A needs-review record that is the requester's: his call from his mobile. */
  static final String HIS_CALL = "cs-calls/K1";

  /**
   * Registers, searches, settles the needs-review records (his call accepted, the others rejected)
   * and closes the review; returns the records the request discloses.
   */
  static List<String> readyRequest(TestWorld world, String ref, String actions) throws Exception {
    DisclosureIT.ok(world.post("/api/requests", Role.STAFF, form(ref, actions)), 201);
    JsonNode result =
        DisclosureIT.ok(world.post("/api/requests/" + ref + "/search", Role.STAFF, ""), 200);
    List<String> disclosed = new ArrayList<>();
    StringBuilder decisions = new StringBuilder();
    for (JsonNode h : DisclosureIT.hits(result)) {
      if (h.path("id").asText().equals(HIS_CALL)) {
        decisions
            .append(decisions.isEmpty() ? "" : ",")
            .append("{\"recordId\": \"" + HIS_CALL + "\", \"decision\": \"accept\"}");
        disclosed.add(HIS_CALL);
      } else if (h.path("tier").asText().equals("needs_review")) {
        decisions
            .append(decisions.isEmpty() ? "" : ",")
            .append("{\"recordId\": \"")
            .append(h.path("id").asText())
            .append("\", \"decision\": \"reject\", \"reason\": \"本人のものと確認できない\"}");
      } else {
        disclosed.add(h.path("id").asText());
      }
    }
    if (!decisions.isEmpty()) {
      DisclosureIT.ok(
          world.post(
              "/api/requests/" + ref + "/decisions",
              Role.STAFF,
              "{\"decisions\": [" + decisions + "]}"),
          200);
    }
    DisclosureIT.ok(world.post("/api/requests/" + ref + "/ready", Role.STAFF, ""), 200);
    return disclosed;
  }

  static JsonNode order(JsonNode list, String source) {
    for (JsonNode o : list.path("orders")) {
      if (o.path("order").path("source").asText().equals(source)) {
        return o;
      }
    }
    throw new AssertionError("no order for " + source + " in " + list);
  }

  static JsonNode confirm(String id, String body) throws Exception {
    return confirm(world, id, body);
  }

  static JsonNode confirm(TestWorld world, String id, String body) throws Exception {
    return DisclosureIT.ok(
        world.post("/api/orders/" + id + "/confirmation", Role.OWNER, body), 200);
  }

  @Test
  @Order(1)
  void aDeletionAndACorrectionAreOrderedDoneByTheOwnerAndVerifiedBySync() throws Exception {
    // A request for disclosure alone, searched and exported before: its stored result and its
    // package hold the order that ORD-1 will have deleted.
    readyRequest(world, "ORD-0", "[\"disclosure\"]");
    DisclosureIT.ok(world.post("/api/exports", Role.EXPORTER, ""), 200);

    String ref = "ORD-1";
    List<String> disclosed =
        readyRequest(world, ref, "[\"disclosure\", \"correction\", \"stop_use\"]");
    assertThat(disclosed).contains("shop-customers/C001", "shop-orders/O2");

    // An action the form did not ask for, and a record the request does not disclose: refused.
    DisclosureIT.error(
        world.post(
            "/api/requests/" + ref + "/actions",
            Role.STAFF,
            "{\"actions\": [{\"recordId\": \"shop-orders/O2\", \"action\": \"stop_provision\", \"decision\": \"carry_out\"}]}"),
        400,
        "KJ-400-03");
    DisclosureIT.error(
        world.post(
            "/api/requests/" + ref + "/actions",
            Role.STAFF,
            "{\"actions\": [{\"recordId\": \"shop-customers/C002\", \"action\": \"delete\", \"decision\": \"carry_out\"}]}"),
        400,
        "KJ-400-06");
    // A refusal needs its legal ground.
    DisclosureIT.error(
        world.post(
            "/api/requests/" + ref + "/actions",
            Role.STAFF,
            "{\"actions\": [{\"recordId\": \"shop-customers/C001\", \"action\": \"stop_use\", \"decision\": \"refuse\"}]}"),
        400,
        "KJ-400-03");

    JsonNode decided =
        DisclosureIT.ok(
            world.post(
                "/api/requests/" + ref + "/actions",
                Role.STAFF,
                "{\"actions\": ["
                    + "{\"recordId\": \"shop-customers/C001\", \"action\": \"correct\", \"field\": \"メールアドレス\", \"newValue\": \""
                    + NEW_EMAIL
                    + "\", \"decision\": \"carry_out\"},"
                    + "{\"recordId\": \"shop-orders/O2\", \"action\": \"delete\", \"decision\": \"carry_out\"},"
                    + "{\"recordId\": \"shop-customers/C001\", \"action\": \"stop_use\", \"decision\": \"refuse\", \"ground\": \"contract_running\", \"reason\": \"買取代金の支払いが未了\"}"
                    + "]}"),
            200);
    assertThat(decided.path("actions")).hasSize(3);
    assertThat(decided.path("actions").findValuesAsText("decidedBy")).containsOnly("test-staff");

    JsonNode issued =
        DisclosureIT.ok(
            world.post(
                "/api/requests/" + ref + "/orders",
                Role.STAFF,
                "{\"dueOn\": \"" + today().plusDays(14) + "\"}"),
            201);
    // One order per source; the refused stop of use is in none.
    assertThat(issued.path("orders")).hasSize(2);
    JsonNode customers = order(issued, "shop-customers");
    JsonNode orders = order(issued, "shop-orders");
    assertThat(customers.path("order").path("items")).hasSize(1);
    JsonNode item = customers.path("order").path("items").get(0);
    assertThat(item.path("action").asText()).isEqualTo("correct");
    assertThat(item.path("oldValue").asText()).isEqualTo("Taro.Yamada@Example.jp");
    assertThat(item.path("newValue").asText()).isEqualTo(NEW_EMAIL);
    assertThat(customers.path("companyName").asText()).isEqualTo("株式会社 BuySell Technologies");
    assertThat(orders.path("order").path("items").get(0).path("action").asText())
        .isEqualTo("delete");
    // Issued once: nothing more to issue.
    DisclosureIT.error(
        world.post(
            "/api/requests/" + ref + "/orders",
            Role.STAFF,
            "{\"dueOn\": \"" + today().plusDays(14) + "\"}"),
        409,
        "KJ-409-03");

    String customersId = customers.path("order").path("id").asText();
    String ordersId = orders.path("order").path("id").asText();

    // The owner of the shop sees them, as JSON and as a Japanese CSV Excel opens.
    JsonNode mine = DisclosureIT.ok(world.get("/api/orders", Role.OWNER), 200);
    assertThat(mine.path("orders").findValuesAsText("id")).contains(customersId, ordersId);
    HttpResponse<byte[]> csv =
        world.http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/api/orders/" + customersId + "/csv"))
                .header("Authorization", "Bearer " + TestWorld.TOKENS.get(Role.OWNER))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    byte[] bytes = csv.body();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")[0])
        .isEqualTo("指示書番号,請求番号,会社,データ,レコードキー,依頼内容,項目,現在の値,変更後の値,期限,状況,理由・備考");
    assertThat(text.split("\r\n")[1])
        .contains(customersId, ref, "顧客マスタ", "C001", "訂正・追加", "メールアドレス", NEW_EMAIL, "送付済み");

    // Staff cannot answer for the owner, nor verify before the owner says done.
    assertThat(
            world
                .post(
                    "/api/orders/" + customersId + "/confirmation",
                    Role.STAFF,
                    "{\"status\": \"done\"}")
                .statusCode())
        .isEqualTo(403);
    DisclosureIT.error(
        world.post("/api/orders/" + customersId + "/verification", Role.STAFF, ""),
        409,
        "KJ-409-03");

    // The owner says done too early: the sources are unchanged, so the check shows the difference.
    confirm(customersId, "{\"status\": \"done\"}");
    confirm(ordersId, "{\"status\": \"done\"}");
    JsonNode differs =
        DisclosureIT.ok(
            world.post("/api/orders/" + customersId + "/verification", Role.STAFF, ""), 200);
    assertThat(differs.path("order").path("status").asText()).isEqualTo("differs");
    assertThat(differs.path("order").path("differences").get(0).asText())
        .contains("shop-customers/C001", "メールアドレス")
        .doesNotContain("Taro.Yamada");
    JsonNode stillThere =
        DisclosureIT.ok(
            world.post("/api/orders/" + ordersId + "/verification", Role.STAFF, ""), 200);
    assertThat(stillThere.path("order").path("status").asText()).isEqualTo("differs");
    assertThat(stillThere.path("order").path("differences").get(0).asText())
        .contains("shop-orders/O2", "still in the source");

    // The owner does the work in their systems (here: the fixture files), and says done again.
    Path customersCsv = dir.resolve("shop/customers.csv");
    Files.writeString(
        customersCsv,
        Files.readString(customersCsv, StandardCharsets.UTF_8)
            .replace("Taro.Yamada@Example.jp", NEW_EMAIL),
        StandardCharsets.UTF_8);
    Path ordersCsv = dir.resolve("shop/orders.csv");
    Files.writeString(
        ordersCsv,
        Files.readString(ordersCsv, StandardCharsets.UTF_8).replace("O2,C001,指輪,3000\n", ""),
        StandardCharsets.UTF_8);
    confirm(customersId, "{\"status\": \"done\", \"reason\": \"顧客マスタを更新済み\"}");
    confirm(ordersId, "{\"status\": \"done\"}");
    JsonNode verified =
        DisclosureIT.ok(
            world.post("/api/orders/" + customersId + "/verification", Role.STAFF, ""), 200);
    assertThat(verified.path("order").path("status").asText())
        .as(verified.toString())
        .isEqualTo("verified");
    assertThat(verified.path("order").path("differences")).isEmpty();
    JsonNode gone =
        DisclosureIT.ok(
            world.post("/api/orders/" + ordersId + "/verification", Role.STAFF, ""), 200);
    assertThat(gone.path("order").path("status").asText())
        .as(gone.toString())
        .isEqualTo("verified");

    // The serving index followed the sync: the order is gone, the e-mail corrected.
    DisclosureIT.error(world.get("/api/records/shop-orders/O2", Role.STAFF), 404, "KJ-404-01");
    assertThat(world.get("/api/records/shop-customers/C001", Role.STAFF).body())
        .contains(NEW_EMAIL);

    // The answer letter: what was done, what was refused and why, and the history.
    HttpResponse<String> letter = world.get("/api/requests/" + ref + "/answer", Role.STAFF);
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(letter.body())
        .contains("結果のご通知", "山田 太郎 様", "@page{size:A4", "実施しました", "実施しませんでした")
        .contains("ご契約の履行に必要な情報であり、契約が継続しているため", "買取代金の支払いが未了")
        .contains("メールアドレス：" + NEW_EMAIL, "に対応を依頼しました", "対応が完了していることを確かめました")
        .doesNotContain(ERASED_ITEM);
  }

  @Test
  @Order(4)
  void theErasurePurgesEveryKeptGenerationEveryStoredResultAndEveryPackage() throws Exception {
    List<Path> generations = ErasureProbe.generationDirs(dir);
    assertThat(generations).hasSizeGreaterThanOrEqualTo(3);
    // Before: the rollback generations still hold the deleted order (the serving one does not).
    assertThat(generations.stream().filter(g -> ErasureProbe.holds(g, ERASED_ITEM)).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(ErasureProbe.storedResults(dir)).anyMatch(r -> r.contains(ERASED_ITEM));
    assertThat(ErasureProbe.packages(dir)).anyMatch(p -> p.contains(ERASED_ITEM));

    JsonNode erased =
        DisclosureIT.ok(world.post("/api/requests/ORD-1/erasure", Role.STAFF, ""), 200);
    assertThat(erased.path("records").get(0).asText()).isEqualTo("shop-orders/O2");
    assertThat(erased.path("generations")).hasSize(generations.size());
    assertThat(erased.path("generations").findValuesAsText("remaining")).containsOnly("0");
    List<String> purged = new ArrayList<>();
    erased.path("requestsPurged").forEach(n -> purged.add(n.asText()));
    assertThat(purged).contains("ORD-0", "ORD-1");
    assertThat(erased.path("packagesDeleted").asInt()).isGreaterThanOrEqualTo(1);

    // Proof, independently of the server: open every kept generation, read every stored document
    // and the doc id's frequency (which counts deleted documents until a merge drops them).
    for (Path g : ErasureProbe.generationDirs(dir)) {
      assertThat(ErasureProbe.holds(g, ERASED_ITEM)).as(g.toString()).isFalse();
      try (FSDirectory d = FSDirectory.open(g.resolve("index"));
          DirectoryReader reader = DirectoryReader.open(d)) {
        assertThat(reader.docFreq(new Term(IndexSchema.DOC_ID, "shop-orders/O2")))
            .as(g.toString())
            .isZero();
        assertThat(reader.docFreq(new Term(IndexSchema.DOC_ID, "shop-orders/O1")))
            .as(g.toString())
            .isOne();
      }
    }
    assertThat(ErasureProbe.storedResults(dir)).noneMatch(r -> r.contains(ERASED_ITEM));
    assertThat(ErasureProbe.packages(dir)).noneMatch(p -> p.contains(ERASED_ITEM));
    // The requests themselves stay, with their history; the audit log keeps only HMACs.
    JsonNode zero = DisclosureIT.ok(world.get("/api/requests/ORD-0", Role.STAFF), 200);
    assertThat(zero.path("status").asText()).isEqualTo("exported");
    assertThat(zero.path("result").isMissingNode() || zero.path("result").isNull()).isTrue();
    assertThat(Files.readString(dir.resolve("data/audit.log")))
        .contains("copies.purge.erasure")
        .doesNotContain(ERASED_ITEM, "山田");
    // A purged request has no package to render any more, and no result to order from.
    DisclosureIT.error(world.get("/api/requests/ORD-1/package", Role.STAFF), 409, "KJ-409-05");
    DisclosureIT.error(
        world.post("/api/requests/ORD-1/orders", Role.STAFF, "{\"dueOn\": \"2030-01-01\"}"),
        409,
        "KJ-409-03");
    // Still served and searchable after the purge.
    JsonNode again =
        DisclosureIT.ok(
            world.post(
                "/api/subject-search", Role.STAFF, "{\"subject\": " + DisclosureIT.TARO + "}"),
            200);
    assertThat(DisclosureIT.hits(again).stream().map(h -> h.path("id").asText()))
        .contains("shop-orders/O1")
        .doesNotContain("shop-orders/O2");
  }
}
