package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source owners over real HTTP on the test world's real files: one refuses an order with a reason,
 * one misses the due date (listed as overdue for staff and the owner) and later sets the stop flag
 * the order names (verified by re-reading the source); an owner sees no order of another company.
 */
class OrderOwnersIT {
  @TempDir static Path dir;
  static TestWorld world;

  @BeforeAll
  static void start() throws Exception {
    world = new TestWorld(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  @Test
  void anOwnerWhoRefusesOrMissesTheDueDateIsListedAndScopedToTheirCompany() throws Exception {
    String ref = "ORD-2";
    List<String> disclosed =
        OrdersIT.readyRequest(
            world, ref, "[\"disclosure\", \"stop_use\", \"stop_third_party_provision\"]");
    assertThat(disclosed).contains("shop-orders/O1", "shop-shipments/S1");
    DisclosureIT.ok(
        world.post(
            "/api/requests/" + ref + "/actions",
            Role.STAFF,
            "{\"actions\": ["
                + "{\"recordId\": \"shop-orders/O1\", \"action\": \"stop_use\", \"field\": \"利用停止\", \"newValue\": \"1\", \"decision\": \"carry_out\"},"
                + "{\"recordId\": \"shop-shipments/S1\", \"action\": \"stop_provision\", \"decision\": \"carry_out\"}"
                + "]}"),
        200);
    JsonNode issued =
        DisclosureIT.ok(
            world.post(
                "/api/requests/" + ref + "/orders",
                Role.STAFF,
                "{\"dueOn\": \"" + OrdersIT.today().minusDays(1) + "\"}"),
            201);
    String late = OrdersIT.order(issued, "shop-orders").path("order").path("id").asText();
    String refused = OrdersIT.order(issued, "shop-shipments").path("order").path("id").asText();
    // The owner refuses one, with a reason; a refusal without one is a 400.
    DisclosureIT.error(
        world.post(
            "/api/orders/" + refused + "/confirmation", Role.OWNER, "{\"status\": \"refused\"}"),
        400,
        "KJ-400-03");
    JsonNode r =
        OrdersIT.confirm(
            world, refused, "{\"status\": \"refused\", \"reason\": \"配送業者への提供は契約上必要\"}");
    assertThat(r.path("order").path("status").asText()).isEqualTo("refused");
    assertThat(r.path("overdue").asBoolean()).isFalse();

    // The other is past its due date and not done: listed as overdue, for staff and the owner.
    for (Role role : List.of(Role.STAFF, Role.OWNER)) {
      JsonNode overdue = DisclosureIT.ok(world.get("/api/orders?overdue=true", role), 200);
      assertThat(overdue.path("orders").findValuesAsText("id"))
          .contains(late)
          .doesNotContain(refused);
      assertThat(overdue.path("orders").findValuesAsText("overdue")).containsOnly("true");
    }

    // The letter says what the owner refused and why, and what is still pending.
    String letter = world.get("/api/requests/" + ref + "/answer", Role.STAFF).body();
    assertThat(letter).contains("実施できませんでした", "配送業者への提供は契約上必要", "対応中");

    // Late, the owner adds the stop flag the order names to the source and reports done: the
    // check finds the flag, the order is verified and no longer overdue.
    Path ordersCsv = dir.resolve("shop/orders.csv");
    String before = Files.readString(ordersCsv, StandardCharsets.UTF_8);
    Files.writeString(
        ordersCsv,
        before
            .replace("注文番号,顧客番号,商品,金額\n", "注文番号,顧客番号,商品,金額,利用停止\n")
            .replace("O1,C001,腕時計,12000\n", "O1,C001,腕時計,12000,0\n")
            .replace("O2,C001,指輪,3000\n", "O2,C001,指輪,3000,0\n")
            .replace("O3,C002,バッグ,8000\n", "O3,C002,バッグ,8000,0\n"),
        StandardCharsets.UTF_8);
    OrdersIT.confirm(world, late, "{\"status\": \"done\"}");
    JsonNode notYet =
        DisclosureIT.ok(world.post("/api/orders/" + late + "/verification", Role.STAFF, ""), 200);
    assertThat(notYet.path("order").path("status").asText()).isEqualTo("differs");
    assertThat(notYet.path("order").path("differences").get(0).asText()).contains("利用停止");
    Files.writeString(
        ordersCsv,
        Files.readString(ordersCsv, StandardCharsets.UTF_8)
            .replace("O1,C001,腕時計,12000,0\n", "O1,C001,腕時計,12000,1\n"),
        StandardCharsets.UTF_8);
    OrdersIT.confirm(world, late, "{\"status\": \"done\"}");
    JsonNode flagged =
        DisclosureIT.ok(world.post("/api/orders/" + late + "/verification", Role.STAFF, ""), 200);
    assertThat(flagged.path("order").path("status").asText()).isEqualTo("verified");
    assertThat(
            DisclosureIT.ok(world.get("/api/orders?overdue=true", Role.STAFF), 200)
                .path("orders")
                .findValuesAsText("id"))
        .doesNotContain(late);
  }

  @Test
  void anOwnerSeesNoOrderOfAnotherCompany() throws Exception {
    String ref = "ORD-3";
    List<String> disclosed = OrdersIT.readyRequest(world, ref, "[\"disclosure\", \"stop_use\"]");
    assertThat(disclosed).contains("cs-calls/K1");
    DisclosureIT.ok(
        world.post(
            "/api/requests/" + ref + "/actions",
            Role.STAFF,
            "{\"actions\": [{\"recordId\": \"cs-calls/K1\", \"action\": \"delete\", \"decision\": \"carry_out\"},"
                + " {\"recordId\": \"shop-customers/C001\", \"action\": \"stop_use\", \"decision\": \"carry_out\"}]}"),
        200);
    JsonNode issued =
        DisclosureIT.ok(
            world.post(
                "/api/requests/" + ref + "/orders",
                Role.STAFF,
                "{\"dueOn\": \"" + OrdersIT.today() + "\"}"),
            201);
    String cs = OrdersIT.order(issued, "cs-calls").path("order").path("id").asText();
    DisclosureIT.error(world.get("/api/orders/" + cs, Role.OWNER), 404, "KJ-404-01");
    DisclosureIT.error(
        world.post("/api/orders/" + cs + "/confirmation", Role.OWNER, "{\"status\": \"done\"}"),
        404,
        "KJ-404-01");
    assertThat(
            DisclosureIT.ok(world.get("/api/orders", Role.OWNER), 200)
                .path("orders")
                .findValuesAsText("company"))
        .isNotEmpty()
        .containsOnly(TestWorld.OWNER_COMPANY);
    assertThat(
            DisclosureIT.ok(world.get("/api/orders", Role.STAFF), 200)
                .path("orders")
                .findValuesAsText("company"))
        .contains("cs", TestWorld.OWNER_COMPANY);
    assertThat(
            DisclosureIT.ok(world.get("/api/orders/" + cs, Role.STAFF), 200)
                .path("order")
                .path("company")
                .asText())
        .isEqualTo("cs");
  }
}
