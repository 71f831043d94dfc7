package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds and rollbacks over HTTP while search keeps answering, and what the server logs. */
class AdminIT {
  @TempDir Path dir;
  TestWorld world;
  final ObjectMapper json = new ObjectMapper();
  final List<String> logged = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          synchronized (logged) {
            logged.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    Logger.getLogger("").addHandler(capture);
    world = new TestWorld(dir);
  }

  @AfterEach
  void stop() throws Exception {
    world.close();
    Logger.getLogger("").removeHandler(capture);
  }

  private JsonNode search() throws Exception {
    HttpResponse<String> r =
        world.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private JsonNode waitFor(String statusPath) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode p = json.readTree(world.get(statusPath, Role.ADMIN).body());
      String state = p.path("state").asText();
      if (!state.equals("PENDING") && !state.equals("RUNNING")) {
        return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("rebuild did not finish");
  }

  @Test
  void rebuildSwitchesGenerationsWhileSearchKeepsAnswering() throws Exception {
    JsonNode before = search();
    String oldGeneration = before.path("generation").path("id").asText();

    HttpResponse<String> started = world.post("/api/admin/rebuilds", Role.ADMIN, "");
    assertThat(started.statusCode()).isEqualTo(202);
    String status = json.readTree(started.body()).path("status").asText();
    // Searches during the rebuild are answered by one generation or the other, never by none.
    for (int i = 0; i < 20; i++) {
      assertThat(search().path("summary").path("confirmed").asInt())
          .isEqualTo(before.path("summary").path("confirmed").asInt());
    }
    JsonNode done = waitFor(status);
    assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");

    JsonNode after = search();
    assertThat(after.path("generation").path("id").asText()).isNotEqualTo(oldGeneration);
    assertThat(SubjectSearchIT.records(after).size())
        .isEqualTo(SubjectSearchIT.records(before).size());

    JsonNode index = json.readTree(world.get("/api/admin/index", Role.ADMIN).body());
    assertThat(index.path("generations").size()).isEqualTo(2);
    assertThat(index.toString()).doesNotContain("山田", "090-1234");

    HttpResponse<String> rolledBack = world.post("/api/admin/rollback", Role.ADMIN, "");
    assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
    assertThat(search().path("generation").path("id").asText()).isEqualTo(oldGeneration);
  }

  @Test
  void aRebuildRefusedForAMissingSourceLeavesThePreviousGenerationServing() throws Exception {
    String generation = search().path("generation").path("id").asText();
    Files.delete(dir.resolve("shop/orders.csv"));
    HttpResponse<String> refused = world.post("/api/admin/rebuilds", Role.ADMIN, "");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(json.readTree(refused.body()).path("error").path("message").asText())
        .contains("shop-orders");
    JsonNode after = search();
    assertThat(after.path("generation").path("id").asText()).isEqualTo(generation);
    assertThat(SubjectSearchIT.records(after).stream().map(r -> r.path("id").asText()))
        .contains("shop-orders/O1");
  }

  @Test
  void aRebuildThatFailsHalfWayLeavesThePreviousGenerationServing() throws Exception {
    String generation = search().path("generation").path("id").asText();
    // The header no longer has the primary key column: the source cannot be read at all.
    world.write("shop/orders.csv", "番号,顧客番号,商品,金額\nO1,C001,腕時計,12000\n");
    HttpResponse<String> started = world.post("/api/admin/rebuilds", Role.ADMIN, "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode done = waitFor(json.readTree(started.body()).path("status").asText());
    assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("FAILED");
    assertThat(done.path("message").asText()).contains("shop-orders");
    assertThat(search().path("generation").path("id").asText()).isEqualTo(generation);
  }

  @Test
  void aSourceAddedToTheCatalogueIsSearchedAfterTheRebuild() throws Exception {
    world.write(
        "cs/seminars.jsonl",
        "{\"id\": \"SM1\", \"name\": \"山田 太郎\", \"mail\": \"taro.yamada@example.jp\"}\n");
    String catalog = java.nio.file.Files.readString(dir.resolve("catalog.json"));
    world.write(
        "catalog.json",
        catalog.replace(
            "\"sources\": [",
            """
        "sources": [
            {"id": "cs-seminars", "company": "cs", "title": "セミナー申込", "kind": "jsonl", "path": "cs/seminars.jsonl",
             "primaryKey": "id", "identity": {"fullName": "name", "emails": ["mail"]},
             "category": "seminar", "purpose": "セミナーの各種ご連絡", "jointlyUsed": false},"""));
    HttpResponse<String> started = world.post("/api/admin/rebuilds", Role.ADMIN, "");
    assertThat(
            waitFor(json.readTree(started.body()).path("status").asText()).path("state").asText())
        .isEqualTo("SUCCEEDED");

    JsonNode result = search();
    assertThat(SubjectSearchIT.records(result).stream().map(r -> r.path("id").asText()))
        .contains("cs-seminars/SM1");
    assertThat(result.path("sourcesSearched").toString()).contains("\"source\":\"cs-seminars\"");
    assertThat(result.toString()).contains("セミナーの各種ご連絡");
  }

  @Test
  void serverLogsHoldNoPersonalData() throws Exception {
    search();
    world.post(
        "/api/subject-search", Role.STAFF, "{\"subject\": {\"phones\": [\"090-1234-567x\"]}}");
    world.get("/api/records/shop-customers/C001", Role.STAFF);
    synchronized (logged) {
      assertThat(logged).isNotEmpty();
      assertThat(String.join("\n", logged))
          .doesNotContain("山田", "太郎", "090-1234", "+81901234", "taro.yamada", "1975-03-05", "安土町");
    }
  }
}
