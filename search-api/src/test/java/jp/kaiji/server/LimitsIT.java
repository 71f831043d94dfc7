package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import jp.kaiji.auth.Role;
import jp.kaiji.disclosure.DisclosureService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explicit limits of the API answer 4xx, never 5xx: a body over 64 KiB (with a Content-Length:
 * 413 before reading it), dates outside years 0001-9999, a rejection or redaction reason over 1,000
 * characters (400 naming the field).
 */
class LimitsIT {
  @TempDir static Path dir;
  static TestWorld world;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    world = new TestWorld(dir);
    assertThat(world.post("/api/requests", Role.STAFF, HttpFuzzIT.form("L-1")).statusCode())
        .isEqualTo(201);
    assertThat(world.post("/api/requests/L-1/search", Role.STAFF, "").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    world.close();
  }

  static JsonNode error(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body()).path("error");
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String big =
        HttpFuzzIT.form("L-BIG")
            .replace("\"feePaid\"", "\"x\": \"" + "a".repeat(70_000) + "\", \"feePaid\"");
    assertThat(error(world.post("/api/requests", Role.STAFF, big), 413).path("code").asText())
        .isEqualTo("KJ-413-01");
    String huge = "{\"x\": \"" + "a".repeat(3_000_000) + "\"}";
    HttpResponse<String> tooLarge = world.post("/api/subject-search", Role.STAFF, huge);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    // The unread rest of the body must not be taken for the next request on the connection.
    assertThat(tooLarge.headers().firstValue("connection")).hasValue("close");
    assertThat(world.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void yearsOutOfRangeAre400() throws Exception {
    for (String date : new String[] {"-0001-01-01", "+10000-01-01", "0000-01-01", "99999-01-01"}) {
      String receivedOn =
          HttpFuzzIT.form("L-Y")
              .replace("\"receivedOn\": \"2025-04-01\"", "\"receivedOn\": \"" + date + "\"");
      assertThat(
              error(world.post("/api/requests", Role.STAFF, receivedOn), 400).path("code").asText())
          .as(date)
          .startsWith("KJ-400");
      String birth =
          HttpFuzzIT.form("L-B" + date.length() + date.charAt(0)).replace("1975-03-05", date);
      assertThat(world.post("/api/requests", Role.STAFF, birth).statusCode())
          .as(date)
          .isIn(201, 400);
      // Beside other identifiers the date is left out and listed; alone it is a 400 naming it.
      String search = HttpFuzzIT.SEARCH.replace("1975-03-05", date);
      HttpResponse<String> searched = world.post("/api/subject-search", Role.STAFF, search);
      assertThat(searched.statusCode()).as(date).isEqualTo(200);
      assertThat(
              JSON.readTree(searched.body())
                  .path("unusableIdentifiers")
                  .get(0)
                  .path("field")
                  .asText())
          .as(date)
          .isEqualTo("birthDate");
      assertThat(
              error(
                      world.post(
                          "/api/subject-search",
                          Role.STAFF,
                          "{\"subject\": {\"birthDate\": \"" + date + "\"}}"),
                      400)
                  .path("field")
                  .asText())
          .as(date)
          .isEqualTo("subject.birthDate");
      String document = HttpFuzzIT.form("L-Y").replace("2020-01-01", date);
      assertThat(world.post("/api/requests", Role.STAFF, document).statusCode())
          .as(date)
          .isEqualTo(400);
    }
  }

  @Test
  void aReasonOverTheLimitIs400() throws Exception {
    String reason = "長".repeat(DisclosureService.MAX_REASON_CHARS + 1);
    String decision =
        String.format(
            Locale.ROOT,
            "{\"decisions\": [{\"recordId\": \"shop-customers/C001\", \"decision\": \"reject\", \"reason\": \"%s\"}]}",
            reason);
    JsonNode e = error(world.post("/api/requests/L-1/decisions", Role.STAFF, decision), 400);
    assertThat(e.path("field").asText()).isEqualTo("decisions[0].reason");
    String ok = decision.replace(reason, reason.substring(1));
    assertThat(world.post("/api/requests/L-1/decisions", Role.STAFF, ok).statusCode())
        .isEqualTo(200);
    String redaction =
        "{\"recordId\": \"shop-customers/C001\", \"field\": \"住所\", \"start\": 0, \"end\": 3, \"reason\": \""
            + reason
            + "\"}";
    assertThat(
            error(world.post("/api/requests/L-1/redactions", Role.STAFF, redaction), 400)
                .path("field")
                .asText())
        .isEqualTo("reason");
  }
}
