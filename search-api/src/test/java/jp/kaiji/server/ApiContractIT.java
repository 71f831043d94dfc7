package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input, authentication and authorisation of every endpoint, and the OpenAPI document, over
 * real HTTP.
 */
class ApiContractIT {
  @TempDir static Path dir;
  static final ObjectMapper json = new ObjectMapper();

  static TestWorld world;

  @BeforeAll
  static void start() throws Exception {
    // Two unknown tokens per endpoint exceed the default budget of failed authentications
    // (FailedAuthenticationIT tests that budget).
    world =
        new TestWorld(dir, "", java.util.Map.of(), c -> c.withFailedAuthenticationsPerMinute(1000));
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      malformed JSON        | {"subject": {"name": "山田"                                   | KJ-400-01 |
      not an object         | [1, 2]                                                        | KJ-400-01 |
      unknown field         | {"subject": {"nmae": "山田 太郎"}}                            | KJ-400-02 | subject.nmae
      only an unreadable date | {"subject": {"birthDate": "いつか"}}                      | KJ-400-03 | subject.birthDate
      phone not a number    | {"subject": {"phones": ["090-1234-567x"]}}                    | KJ-400-03 | subject.phones[0]
      e-mail without domain | {"subject": {"emails": ["taro@"]}}                            | KJ-400-03 | subject.emails[0]
      wrong type            | {"subject": {"phones": "0901234567"}}                         | KJ-400-03 | subject.phones
      empty search          | {"subject": {}}                                               | KJ-400-04 |
      missing subject       | {}                                                            | KJ-400-03 |
      bad reference         | {"requestReference": "../etc", "subject": {"name": "山田 太郎"}} | KJ-400-03 |
      """)
  void badInputIsA400NamingTheField(String what, String body, String code, String field)
      throws Exception {
    HttpResponse<String> r = post("/api/subject-search", Role.STAFF, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode error = json.readTree(r.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    if (field != null) {
      assertThat(error.path("field").asText()).isEqualTo(field);
    }
    assertThat(r.body()).doesNotContain("Exception", "at jp.kaiji", "at com.fasterxml");
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    HttpResponse<String> r =
        world.http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/api/subject-search"))
                .header("Authorization", "Bearer " + TestWorld.TOKENS.get(Role.STAFF))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("山田"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(415);
  }

  /** Every protected endpoint, the role it needs, and a request it accepts. */
  record Endpoint(String method, String path, Set<Role> roles, String body) {
    Endpoint(String method, String path, Role role, String body) {
      this(method, path, Set.of(role), body);
    }

    /** A role allowed to call it. */
    Role role() {
      return roles.stream().sorted().findFirst().orElseThrow();
    }
  }

  static final String REQUEST_FORM =
      """
      {"reference": "CONTRACT-1", "receivedOn": "2025-04-01", "requesterKind": "person", "actions": ["disclosure"],
       "delivery": "electronic", "dueOn": "2025-04-30", "subject": {"name": "山田 太郎"}}""";

  static final List<Endpoint> PROTECTED =
      List.of(
          new Endpoint(
              "POST", "/api/subject-search", Role.STAFF, "{\"subject\": {\"name\": \"山田 太郎\"}}"),
          new Endpoint("GET", "/api/records/shop-customers/C001", Role.STAFF, null),
          new Endpoint("GET", "/api/admin/index", Role.ADMIN, null),
          new Endpoint("GET", "/api/admin/rebuilds/rebuild-1", Role.ADMIN, null),
          new Endpoint("POST", "/api/admin/rollback", Role.ADMIN, ""),
          new Endpoint("POST", "/api/admin/rebuilds", Role.ADMIN, ""),
          new Endpoint("POST", "/api/requests", Role.STAFF, REQUEST_FORM),
          new Endpoint("GET", "/api/requests", Role.STAFF, null),
          new Endpoint("GET", "/api/requests/NOPE-1", Role.STAFF, null),
          new Endpoint("POST", "/api/requests/NOPE-1/search", Role.STAFF, ""),
          new Endpoint(
              "POST",
              "/api/requests/NOPE-1/decisions",
              Role.STAFF,
              "{\"decisions\": [{\"recordId\": \"shop-customers/C001\", \"decision\": \"accept\"}]}"),
          new Endpoint(
              "POST",
              "/api/requests/NOPE-1/redactions",
              Role.STAFF,
              "{\"recordId\": \"shop-customers/C001\", \"field\": \"氏名\", \"start\": 0, \"end\": 1, \"reason\": \"他者\"}"),
          new Endpoint("POST", "/api/requests/NOPE-1/ready", Role.STAFF, ""),
          new Endpoint(
              "GET", "/api/requests/NOPE-1/package", Set.of(Role.STAFF, Role.EXPORTER), null),
          new Endpoint("POST", "/api/exports", Role.EXPORTER, ""),
          new Endpoint("GET", "/api/requests/NOPE-1/actions", Role.STAFF, null),
          new Endpoint(
              "POST",
              "/api/requests/NOPE-1/actions",
              Role.STAFF,
              "{\"actions\": [{\"recordId\": \"shop-customers/C001\", \"action\": \"delete\", \"decision\": \"carry_out\"}]}"),
          new Endpoint("GET", "/api/requests/NOPE-1/orders", Role.STAFF, null),
          new Endpoint(
              "POST", "/api/requests/NOPE-1/orders", Role.STAFF, "{\"dueOn\": \"2025-05-01\"}"),
          new Endpoint("GET", "/api/requests/NOPE-1/answer", Role.STAFF, null),
          new Endpoint("POST", "/api/requests/NOPE-1/erasure", Role.STAFF, ""),
          new Endpoint("GET", "/api/orders", Set.of(Role.STAFF, Role.OWNER), null),
          new Endpoint("GET", "/api/orders/WO-NOPE", Set.of(Role.STAFF, Role.OWNER), null),
          new Endpoint("GET", "/api/orders/WO-NOPE/csv", Set.of(Role.STAFF, Role.OWNER), null),
          new Endpoint(
              "POST", "/api/orders/WO-NOPE/confirmation", Role.OWNER, "{\"status\": \"done\"}"),
          new Endpoint("POST", "/api/orders/WO-NOPE/verification", Role.STAFF, ""),
          new Endpoint("POST", "/api/admin/retention", Role.ADMIN, ""));

  static HttpResponse<String> call(Endpoint e, String token) throws Exception {
    return world.send(e.method(), e.path(), token, e.body());
  }

  @Test
  void everyEndpointNeedsATokenOfItsRole() throws Exception {
    for (Endpoint e : PROTECTED) {
      assertThat(call(e, null).statusCode())
          .as("%s %s without token", e.method(), e.path())
          .isEqualTo(401);
      HttpResponse<String> wrong = call(e, "not-a-token");
      assertThat(wrong.statusCode()).as("%s %s wrong token", e.method(), e.path()).isEqualTo(401);
      assertThat(wrong.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      for (Role role : Role.values()) {
        HttpResponse<String> r = call(e, TestWorld.TOKENS.get(role));
        if (e.roles().contains(role)) {
          assertThat(r.statusCode())
              .as("%s %s as %s: %s", e.method(), e.path(), role, r.body())
              .isIn(200, 201, 202, 404, 409);
        } else {
          assertThat(r.statusCode()).as("%s %s as %s", e.method(), e.path(), role).isEqualTo(403);
          assertThat(r.body()).doesNotContain("山田");
        }
      }
    }
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswerForbidsCachingAndFraming() throws Exception {
    HttpResponse<String> r =
        post("/api/subject-search", Role.STAFF, "{\"subject\": {\"name\": \"山田 太郎\"}}");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
    assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).contains("same-origin");
    assertThat(r.headers().firstValue("Permissions-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("camera=()", "geolocation=()"));
    // Plain HTTP on loopback: no HSTS (TlsIT checks it over TLS).
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void openApiDocumentDescribesExactlyTheRoutesServed() throws Exception {
    HttpResponse<String> r = get("/api/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = json.readTree(r.body());
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }
    Set<String> served = new TreeSet<>(List.of("GET /health", "GET /api/openapi.json"));
    PROTECTED.forEach(
        e ->
            served.add(
                e.method()
                    + " "
                    + e.path()
                        .replace("shop-customers/C001", "{source}/{key}")
                        .replace("rebuild-1", "{id}")
                        .replace("WO-NOPE", "{id}")
                        .replace("NOPE-1", "{ref}")));
    assertThat(documented).isEqualTo(served);

    // Each documented operation answers with a status it documents.
    for (Endpoint e : PROTECTED) {
      String template =
          e.path()
              .replace("shop-customers/C001", "{source}/{key}")
              .replace("rebuild-1", "{id}")
              .replace("WO-NOPE", "{id}")
              .replace("NOPE-1", "{ref}");
      JsonNode responses =
          doc.path("paths")
              .path(template)
              .path(e.method().toLowerCase(Locale.ROOT))
              .path("responses");
      List<String> statuses = new ArrayList<>();
      responses.fieldNames().forEachRemaining(statuses::add);
      int got = call(e, TestWorld.TOKENS.get(e.role())).statusCode();
      assertThat(statuses)
          .as("%s %s documents %d", e.method(), template, got)
          .contains(String.valueOf(got));
      assertThat(statuses).contains("401", "403");
    }
  }

  @Test
  void anotherMethodOnARouteIsADocumented405() throws Exception {
    // world.http checks the answer against components/responses/MethodNotAllowed.
    HttpResponse<String> r =
        world.send("DELETE", "/api/requests", TestWorld.TOKENS.get(Role.STAFF), null);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(json.readTree(r.body()).path("error").path("code").asText()).isEqualTo("KJ-405-01");
  }

  @Test
  void unknownRouteIsAJson404() throws Exception {
    HttpResponse<String> r = get("/api/nothing-here", Role.STAFF);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).path("error").path("code").asText()).isEqualTo("KJ-404-01");
  }
}
