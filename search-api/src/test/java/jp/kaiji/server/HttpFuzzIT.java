package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.Role;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded malformed requests over every route of the real server (broken and truncated JSON,
 * wrong types, huge and deeply nested values, out-of-range dates, invalid UTF-8, odd and oversized
 * headers, wrong Content-Lengths, oversized bodies, path tricks), sent byte for byte on raw
 * sockets: no answer may be a 5xx, and the server must be healthy afterwards with its audit chain
 * intact. Then every file the server wrote outside its stores of personal data (the index, the
 * request database, the packages) and its log are scanned for the fixture persons' names, phones
 * and e-mails: any hit fails.
 *
 * <p>{@code -Dkaiji.fuzz.requests=N} changes the count; {@code -Dkaiji.seed=N} replays a run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpFuzzIT {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  @TempDir static Path dir;
  static TestWorld world;
  static Path serverLog;
  static FileHandler logFile;
  static final ObjectMapper JSON = new ObjectMapper();

  static final int REQUESTS = Integer.getInteger("kaiji.fuzz.requests", 10_000);

  /** Every fixture person's identifiers as they may be written (TestWorld's sources). */
  static final List<String> PERSONAL_DATA =
      List.of(
          "山田 太郎",
          "山田太郎",
          "山田 花子",
          "山田花子",
          "山田 次郎",
          "山田次郎",
          "鈴木 一郎",
          "鈴木一郎",
          "髙橋 さくら",
          "ヤマダ タロウ",
          "ヤマダ ハナコ",
          "スズキ イチロウ",
          "安土町",
          "06-4400-1876",
          "0644001876",
          "+81644001876",
          "090-1234-5678",
          "09012345678",
          "+819012345678",
          "080-2222-3333",
          "08022223333",
          "+818022223333",
          "080-9999-0000",
          "08099990000",
          "03-1234-5678",
          "0312345678",
          "taro.yamada@example.jp",
          "Taro.Yamada@Example.jp",
          "hanako@example.jp",
          "other.taro@example.com");

  @BeforeAll
  static void start() throws Exception {
    serverLog = dir.resolve("server.log");
    logFile = new FileHandler(serverLog.toString());
    logFile.setEncoding("UTF-8");
    logFile.setFormatter(new SimpleFormatter());
    Logger.getLogger("").addHandler(logFile);
    // Failed authentications are limited per client (FailedAuthenticationIT); the fuzz sends
    // many bad tokens from one address and must reach every handler, so its limit is high.
    world =
        new TestWorld(
            dir.resolve("world"), "", Map.of(), c -> c.withFailedAuthenticationsPerMinute(1 << 30));
    // Requests in every state, for the routes that take a reference.
    for (String ref : List.of("F-RECEIVED", "F-REVIEW", "F-READY")) {
      assertThat(world.post("/api/requests", Role.STAFF, form(ref)).statusCode()).isEqualTo(201);
    }
    for (String ref : List.of("F-REVIEW", "F-READY")) {
      assertThat(world.post("/api/requests/" + ref + "/search", Role.STAFF, "").statusCode())
          .isEqualTo(200);
    }
    String decisions =
        "{\"decisions\": [{\"recordId\": \"shop-customers/C001\", \"decision\": \"accept\"},"
            + " {\"recordId\": \"shop-customers/C003\", \"decision\": \"reject\", \"reason\": \"双子の兄\"}]}";
    world.post("/api/requests/F-READY/decisions", Role.STAFF, decisions);
    world.post("/api/requests/F-READY/ready", Role.STAFF, "");
  }

  @AfterAll
  static void stop() throws Exception {
    if (world != null) {
      world.close();
    }
    Logger.getLogger("").removeHandler(logFile);
    logFile.close();
  }

  static String form(String ref) {
    return String.format(Locale.ROOT, FORM, ref);
  }

  static final String FORM =
      """
      {"reference": "%s", "receivedOn": "2025-04-01", "requesterKind": "person",
       "documents": [{"kind": "drivers_license", "photo": true, "issuedOn": "2020-01-01"}],
       "actions": ["disclosure"], "feePaid": true, "delivery": "electronic", "dueOn": "2025-04-30",
       "subject": {"name": "山田 太郎", "reading": "ヤマダ タロウ", "birthDate": "1975-03-05",
         "addresses": [{"postcode": "541-0052", "address": "大阪府大阪市中央区安土町3-5-13"}],
         "phones": ["090-1234-5678"], "emails": ["taro.yamada@example.jp"]}}""";

  static final String SEARCH =
      """
      {"requestReference": "F-1", "subject": {"name": "山田 太郎", "birthDate": "1975-03-05",
       "phones": ["090-1234-5678"], "emails": ["taro.yamada@example.jp"],
       "addresses": [{"postcode": "541-0052", "address": "大阪府大阪市中央区安土町3-5-13"}]}}""";

  static final String DECISIONS =
      """
      {"decisions": [{"recordId": "shop-customers/C003", "decision": "reject", "reason": "山田 次郎 090-1234-5678"}]}""";

  static final String REDACTION =
      """
      {"recordId": "shop-customers/C001", "field": "住所", "start": 0, "end": 3, "reason": "第三者"}""";

  static final String ACTIONS =
      """
      {"actions": [{"recordId": "shop-customers/C001", "action": "correct", "field": "氏名", "newValue": "山田 太朗", "decision": "carry_out"},
       {"recordId": "shop-orders/O1", "action": "stop_use", "decision": "refuse", "ground": "other", "reason": "契約中"}]}""";

  static final String ORDERS =
      """
      {"dueOn": "2025-05-01"}""";

  static final String CONFIRMATION =
      """
      {"status": "refused", "reason": "対応不可"}""";

  /** A route: method, path (with {ref}, {source}, {key}, {id} to fill), body template or null. */
  record Route(String method, String path, String body, String contentType) {}

  static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/health", null, null),
          new Route("GET", "/api/openapi.json", null, null),
          new Route("POST", "/api/subject-search", SEARCH, "application/json"),
          new Route("GET", "/api/records/{source}/{key}", null, null),
          new Route("POST", "/api/admin/rebuilds", null, null),
          new Route("GET", "/api/admin/rebuilds/{id}", null, null),
          new Route("GET", "/api/admin/index", null, null),
          new Route("POST", "/api/admin/rollback", null, null),
          new Route("POST", "/api/requests", FORM, "application/json"),
          new Route("GET", "/api/requests?status={status}&nearingDays={n}", null, null),
          new Route("GET", "/api/requests/{ref}", null, null),
          new Route("POST", "/api/requests/{ref}/search", null, null),
          new Route("POST", "/api/requests/{ref}/decisions", DECISIONS, "application/json"),
          new Route("POST", "/api/requests/{ref}/redactions", REDACTION, "application/json"),
          new Route("POST", "/api/requests/{ref}/ready", null, null),
          new Route("GET", "/api/requests/{ref}/package", null, null),
          new Route("POST", "/api/exports", null, null),
          new Route("POST", "/api/requests/{ref}/actions", ACTIONS, "application/json"),
          new Route("GET", "/api/requests/{ref}/actions", null, null),
          new Route("POST", "/api/requests/{ref}/orders", ORDERS, "application/json"),
          new Route("GET", "/api/requests/{ref}/answer", null, null),
          new Route("POST", "/api/requests/{ref}/erasure", null, null),
          new Route("GET", "/api/orders?overdue={status}", null, null),
          new Route("GET", "/api/orders/{id}", null, null),
          new Route("GET", "/api/orders/{id}/csv", null, null),
          new Route("POST", "/api/orders/{id}/confirmation", CONFIRMATION, "application/json"),
          new Route("POST", "/api/orders/{id}/verification", null, null),
          new Route("POST", "/api/admin/retention", null, null),
          new Route("GET", "/", null, null),
          new Route("GET", "/console/", null, null),
          new Route("GET", "/console/login", null, null),
          new Route(
              "POST", "/console/login", "token=abc&csrf=x", "application/x-www-form-urlencoded"),
          new Route("GET", "/console/requests/{ref}", null, null),
          new Route(
              "POST", "/console/search", "name=%E5%B1%B1", "application/x-www-form-urlencoded"),
          new Route("GET", "/console/static/{key}", null, null),
          new Route("GET", "/api/nothing/{ref}", null, null));

  static final Map<String, Integer> counts = new TreeMap<>();

  @Test
  @Order(1)
  void malformedRequestsOverEveryRouteNeverGetA5xx() throws Exception {
    Random r = testSeed.random();
    Map<String, String> failures = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      Route route = ROUTES.get(r.nextInt(ROUTES.size()));
      byte[] request = request(r, route, i);
      int status = RawHttp.status(world.app.port(), request);
      String key = status == RawHttp.NO_ANSWER ? "no answer" : Integer.toString(status);
      counts.merge(key, 1, Integer::sum);
      if (status >= 500 && failures.size() < 20) {
        failures.put(
            "#" + i + " " + status,
            new String(request, 0, Math.min(request.length, 600), StandardCharsets.UTF_8));
      }
    }
    System.out.println(
        "HttpFuzzIT: "
            + REQUESTS
            + " requests, seed "
            + testSeed.value()
            + ", by status "
            + counts);
    assertThat(failures).as("requests answered with 5xx (seed %d)", testSeed.value()).isEmpty();
    assertThat(counts.keySet().stream().filter(k -> k.startsWith("5"))).isEmpty();
    // Healthy afterwards: health, a real search and a real registration.
    assertThat(world.get("/health", null).statusCode()).isEqualTo(200);
    assertThat(world.post("/api/subject-search", Role.STAFF, SEARCH).statusCode()).isEqualTo(200);
    assertThat(world.post("/api/requests", Role.STAFF, form("F-AFTER")).statusCode())
        .isEqualTo(201);
    Path data = world.config.dataDir();
    AuditLog.Verification v = AuditLog.verify(data.resolve("audit.log"));
    assertThat(v.intact()).as(v.problem().orElse("")).isTrue();
  }

  @Test
  @Order(2)
  void noFileTheServerWroteHoldsPersonalDataOutsideItsStores() throws Exception {
    Path data = world.config.dataDir();
    List<Path> scanned = new ArrayList<>();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = data.relativize(f).toString().replace('\\', '/');
        // The stores whose purpose is personal data: the index generations (the sources'
        // records), the request database (the forms) and the exported packages (the answers).
        if (rel.startsWith("index/")
            || rel.startsWith("requests.db")
            || rel.startsWith("packages/")) {
          continue;
        }
        scanned.add(f);
      }
    }
    scanned.add(serverLog);
    for (Path f : scanned) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      for (String value : PERSONAL_DATA) {
        if (text.contains(value)
            || text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
          hits.add(f.getFileName() + " holds \"" + value + "\"");
        }
      }
    }
    System.out.println(
        "HttpFuzzIT: scanned "
            + scanned.size()
            + " files the server wrote ("
            + scanned.stream().map(p -> p.getFileName().toString()).sorted().toList()
            + ") for "
            + PERSONAL_DATA.size()
            + " personal values: "
            + hits.size()
            + " hits");
    assertThat(scanned).extracting(p -> p.getFileName().toString()).contains("audit.log");
    assertThat(Files.size(serverLog)).isPositive();
    assertThat(hits).isEmpty();
  }

  // ---- the generator ----

  static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};

  static byte[] request(Random r, Route route, int i) {
    String method = r.nextInt(10) < 8 ? route.method() : METHODS[r.nextInt(METHODS.length)];
    if (r.nextInt(60) == 0) {
      method = pick(r, "FOO", "get", "TRACE", "CONNECT", "P OST", "");
    }
    String path = path(r, route.path());
    byte[] body = new byte[0];
    String contentType = route.contentType();
    if (route.body() != null || r.nextInt(8) == 0) {
      body = body(r, route.body() == null ? SEARCH : route.body(), i);
    }
    if (r.nextInt(8) == 0) {
      contentType =
          pick(
              r,
              null,
              "text/plain",
              "application/json; charset=iso-8859-1",
              "application/JSON",
              "multipart/form-data; boundary=x",
              "application/json\u0000",
              "application/x-www-form-urlencoded",
              "*/*");
    }
    StringBuilder head = new StringBuilder();
    String version =
        r.nextInt(50) == 0 ? pick(r, "HTTP/1.0", "HTTP/9.9", "HTTP/1.1 x", "") : "HTTP/1.1";
    head.append(method).append(' ').append(path).append(' ').append(version).append("\r\n");
    if (r.nextInt(40) != 0) {
      head.append("Host: 127.0.0.1\r\n");
    }
    head.append(authorization(r));
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    boolean chunked = false;
    switch (r.nextInt(30)) {
      case 0 ->
          head.append("Content-Length: ").append(body.length + 1 + r.nextInt(100)).append("\r\n");
      case 1 ->
          head.append("Content-Length: ")
              .append(Math.max(0, body.length - 1 - r.nextInt(10)))
              .append("\r\n");
      case 2 -> head.append("Content-Length: -5\r\n");
      case 3 -> head.append("Content-Length: 99999999999999999999\r\n");
      case 4 -> head.append("Content-Length: abc\r\n");
      case 5 -> head.append("Content-Length: 3\r\nContent-Length: 7\r\n");
      case 6 -> chunked = true;
      case 7 -> {} // no length: the body is read as the next request
      default -> {
        if (body.length > 0 || "POST".equals(method)) {
          head.append("Content-Length: ").append(body.length).append("\r\n");
        }
      }
    }
    if (chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
      body = chunk(r, body);
    }
    head.append(oddHeaders(r));
    head.append("Connection: close\r\n\r\n");
    return RawHttp.request(head.toString(), body);
  }

  static String authorization(Random r) {
    int k = r.nextInt(20);
    if (k < 11) {
      return "Authorization: Bearer " + TestWorld.TOKENS.get(Role.STAFF) + "\r\n";
    }
    return switch (k) {
      case 11, 12 -> "Authorization: Bearer " + TestWorld.TOKENS.get(Role.ADMIN) + "\r\n";
      case 13, 14 -> "Authorization: Bearer " + TestWorld.TOKENS.get(Role.EXPORTER) + "\r\n";
      case 15 -> "";
      case 16 -> "Authorization: Bearer\r\n";
      case 17 -> "Authorization: Basic dXNlcjpwYXNz\r\n";
      case 18 -> "Authorization: Bearer " + "x".repeat(r.nextInt(5000)) + "\r\n";
      default -> "Authorization: bearer  " + TestWorld.TOKENS.get(Role.STAFF) + " extra\r\n";
    };
  }

  static String oddHeaders(Random r) {
    if (r.nextInt(6) != 0) {
      return "";
    }
    return switch (r.nextInt(9)) {
      case 0 -> "X-Long: " + "a".repeat(1000 + r.nextInt(20_000)) + "\r\n";
      case 1 -> {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 50 + r.nextInt(300); k++) {
          b.append("X-H").append(k).append(": v\r\n");
        }
        yield b.toString();
      }
      case 2 -> "X-Latin: caf\u00e9 \u00ff\r\n";
      case 3 -> "Expect: 100-continue\r\n";
      case 4 -> "NoColonHeader\r\n";
      case 5 -> "X-Folded: a\r\n b\r\n";
      case 6 -> "Cookie: kaiji-session=" + "z".repeat(r.nextInt(300)) + "; kaiji-lang=xx\r\n";
      case 7 -> "Accept-Language: " + "ja;q=0.5,".repeat(r.nextInt(200)) + "\r\n";
      default -> "X-Forwarded-For: 10.0.0." + r.nextInt(256) + "\r\nOrigin: null\r\n";
    };
  }

  static String path(Random r, String template) {
    String ref = pick(r, "F-RECEIVED", "F-REVIEW", "F-READY", "F-NONE", "F-1");
    String path =
        template
            .replace("{ref}", r.nextInt(4) == 0 ? trick(r) : ref)
            .replace(
                "{source}",
                r.nextInt(4) == 0 ? trick(r) : pick(r, "shop-customers", "cs-calls", "nope"))
            .replace(
                "{key}", r.nextInt(4) == 0 ? trick(r) : pick(r, "C001", "K1", "C999", "app.js"))
            .replace("{id}", r.nextInt(2) == 0 ? trick(r) : "job-1")
            .replace("{status}", pick(r, "ready", "in_review", "", "%ff", "READY", "x".repeat(300)))
            .replace("{n}", pick(r, "3", "-1", "999", "1000", "1e3", "%00", "99999999999999"));
    if (r.nextInt(12) == 0) {
      path = path + pick(r, "?a=%zz", "?lang=%ff", "#frag", "?" + "p=1&".repeat(3000), ";x=y", "/");
    }
    if (r.nextInt(40) == 0) {
      path =
          pick(
              r,
              "*",
              "http://127.0.0.1/api/requests",
              "//api//requests",
              "api/requests",
              "/%2e%2e/%2e%2e/etc/passwd",
              "/api/../health");
    }
    return path;
  }

  static String trick(Random r) {
    return pick(
        r,
        "..",
        "%2e%2e",
        "..%2F..%2Fetc%2Fpasswd",
        "%00",
        "%ff%fe",
        "%c0%af",
        "%ED%A0%80",
        "\u00e9\u00ff",
        "x".repeat(2000 + r.nextInt(10_000)),
        "%25",
        "%",
        "a b",
        "R%2F1",
        "%E5%B1%B1%E7%94%B0",
        "-",
        "",
        ".hidden",
        "CON",
        "R-1;rm");
  }

  static byte[] body(Random r, String template, int i) {
    int k = r.nextInt(20);
    if (k == 0) {
      return random(r, r.nextInt(3000));
    }
    if (k == 1) {
      // Deep nesting.
      int depth = 1000 + r.nextInt(50_000);
      return ("[".repeat(depth) + "]".repeat(r.nextBoolean() ? depth : 0))
          .getBytes(StandardCharsets.UTF_8);
    }
    if (k == 2) {
      // Oversized (over the 64 KiB limit), with a correct Content-Length.
      return ("{\"x\": \"" + "a".repeat(65_536 + r.nextInt(300_000)) + "\"}")
          .getBytes(StandardCharsets.UTF_8);
    }
    byte[] bytes;
    if (!template.startsWith("{")) {
      bytes = template.getBytes(StandardCharsets.UTF_8);
      if (r.nextBoolean()) {
        bytes =
            (template + "&token=" + "%ff".repeat(r.nextInt(100)) + "&lang=%zz")
                .getBytes(StandardCharsets.UTF_8);
      }
    } else
      try {
        JsonNode tree = JSON.readTree(template);
        if (tree.has("reference")) {
          ((ObjectNode) tree).put("reference", "FZ-" + i);
        }
        int mutations = r.nextInt(4);
        for (int m = 0; m < mutations; m++) {
          tree = mutate(r, tree, 0);
        }
        bytes = JSON.writeValueAsBytes(tree);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    switch (r.nextInt(8)) {
      case 0 -> bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
      case 1 -> {
        // Invalid UTF-8 inside.
        byte[][] bad = {
          {(byte) 0xc3, 0x28},
          {(byte) 0xff},
          {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          {(byte) 0xe3, (byte) 0x81},
          {(byte) 0xc0, (byte) 0xaf}
        };
        byte[] b = bad[r.nextInt(bad.length)];
        int at = r.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(b);
        out.write(bytes, at, bytes.length - at);
        bytes = out.toByteArray();
      }
      case 2 -> {
        if (bytes.length > 0) {
          bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
        }
      }
      default -> {}
    }
    return bytes;
  }

  static JsonNode mutate(Random r, JsonNode node, int depth) {
    if (node.isObject() && node.size() > 0 && r.nextInt(3) != 0) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.get(r.nextInt(names.size()));
      switch (r.nextInt(6)) {
        case 0 -> o.remove(name);
        case 1 -> o.set("unknown" + r.nextInt(3), value(r));
        default -> o.set(name, mutate(r, o.get(name), depth + 1));
      }
      return o;
    }
    if (node.isArray() && node.size() > 0 && r.nextInt(3) != 0) {
      ArrayNode a = (ArrayNode) node;
      int at = r.nextInt(a.size());
      a.set(at, mutate(r, a.get(at), depth + 1));
      if (r.nextInt(4) == 0) {
        for (int k = 0; k < r.nextInt(500); k++) {
          a.add(a.get(at).deepCopy());
        }
      }
      return a;
    }
    return value(r);
  }

  static JsonNode value(Random r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (r.nextInt(16)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(r.nextLong());
      case 2 -> f.numberNode(new java.math.BigDecimal("1e400"));
      case 3 -> f.booleanNode(r.nextBoolean());
      case 4 -> f.textNode("");
      case 5 -> f.textNode("山田 太郎 090-1234-5678 " + "長".repeat(r.nextInt(3000)));
      case 6 ->
          f.textNode(
              pick(
                  r,
                  "-0001-01-01",
                  "+10000-01-01",
                  "0000-00-00",
                  "2025-02-30",
                  "9999-12-31",
                  "-999999999-01-01",
                  "+999999999-12-31",
                  "昭和100年1月1日",
                  "令和99年13月1日",
                  "1975-03-05T00:00:00Z",
                  "99999-01-01"));
      case 7 -> f.arrayNode();
      case 8 -> f.objectNode();
      case 9 -> f.textNode("\u0000\u0001\u001f\u007f\ud800".substring(0, 1 + r.nextInt(4)));
      case 10 -> f.textNode("x".repeat(r.nextInt(70_000)));
      case 11 -> f.numberNode(-r.nextInt(1_000_000));
      case 12 ->
          f.textNode(pick(r, "accept", "reject", "ACCEPT", "maybe", "person", "agent", "paper"));
      case 13 -> {
        ObjectNode deep = f.objectNode();
        ObjectNode at = deep;
        for (int k = 0; k < r.nextInt(400); k++) {
          at = at.putObject("a");
        }
        yield deep;
      }
      case 14 -> f.numberNode(Integer.MAX_VALUE);
      default -> f.textNode("\uD83D\uDE00\u202e\ufeff");
    };
  }

  static byte[] chunk(Random r, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int n = Math.min(body.length - at, 1 + r.nextInt(4096));
      out.writeBytes(Integer.toHexString(n).getBytes(StandardCharsets.US_ASCII));
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      at += n;
    }
    if (r.nextInt(3) != 0) {
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      out.writeBytes(pick(r, "zz\r\n", "ffffffff\r\nab", "").getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @SafeVarargs
  static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
