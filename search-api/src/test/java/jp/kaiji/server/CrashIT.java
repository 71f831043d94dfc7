package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.Role;
import jp.kaiji.disclosure.CaseDatabases;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a real process, killed with {@code kill -9} (SIGKILL, {@link
 * Process#destroyForcibly}) at seeded points while two clients register requests, search, decide,
 * close reviews and export: after each restart every write that was acknowledged (2xx) is there,
 * the audit log's chain verifies against the head the store recorded, the log and the store agree
 * on every create, ready and export, and no temporary package file remains.
 *
 * <p>{@code -Dkaiji.crash.kills=N} sets the number of kills (default 24); {@code
 * -Dkaiji.crash.store=h2} runs the same test against the H2 store, to compare.
 */
class CrashIT {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  @TempDir Path dir;

  static final ObjectMapper JSON = new ObjectMapper();
  static final int KILLS = Integer.getInteger("kaiji.crash.kills", 24);
  static final boolean H2 = "h2".equals(System.getProperty("kaiji.crash.store"));

  /** How far each request got, as acknowledged to a client. */
  enum Stage {
    CREATED,
    SEARCHED,
    DECIDED,
    READY,
    EXPORTED
  }

  final Map<String, Stage> acknowledged = new ConcurrentHashMap<>();
  final Map<String, Set<String>> decided = new ConcurrentHashMap<>();
  final AtomicInteger acks = new AtomicInteger();
  final Set<String> disagreements = new java.util.TreeSet<>();
  final Map<String, Integer> inFlightAtKill = new TreeMap<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  Path config;
  Path log;

  @Test
  void everyAcknowledgedWriteSurvivesKill9AndTheAuditLogAgrees() throws Exception {
    Random random = testSeed.random();
    TestWorld.writeSources(dir, "", Map.of());
    config = dir.resolve("kaiji-server.json");
    log = dir.resolve("server.log");
    Path data = dir.resolve("data");
    new ObjectMapper()
        .registerModule(new Jdk8Module())
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(
            config.toFile(),
            new ServerConfig(
                "127.0.0.1",
                0,
                false,
                Optional.empty(),
                dir.resolve("catalog.json"),
                data,
                TestWorld.tokenEntries(),
                H2
                    ? Optional.of(
                        new ServerConfig.Database(
                            CaseDatabases.h2Url(data), Optional.empty(), Optional.empty()))
                    : Optional.empty()));
    Server server = start();
    rebuild(server);
    int verified = 0;
    Set<String> lost = new java.util.TreeSet<>();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    for (int kill = 1; kill <= KILLS; kill++) {
      int target = acks.get() + 1 + random.nextInt(12);
      Map<Integer, String> doing = new ConcurrentHashMap<>();
      List<CompletableFuture<Void>> clients = new ArrayList<>();
      Server current = server;
      for (int c = 0; c < 2; c++) {
        int client = c;
        long seed = random.nextLong();
        clients.add(
            CompletableFuture.runAsync(() -> work(current, client, new Random(seed), next, doing)));
      }
      while (acks.get() < target && !clients.stream().allMatch(CompletableFuture::isDone)) {
        Thread.onSpinWait();
      }
      if (random.nextBoolean()) {
        Thread.sleep(random.nextInt(15));
      }
      server.process.destroyForcibly();
      assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (String op : doing.values()) {
        inFlightAtKill.merge(op, 1, Integer::sum);
      }
      for (CompletableFuture<Void> f : clients) {
        f.join();
      }
      try {
        server = start();
      } catch (AssertionError e) {
        lost.add("restart refused after kill " + kill + ": " + e.getMessage());
        break;
      }
      List<String> missing = check(server, data);
      lost.addAll(missing);
      verified += acknowledged.size();
    }
    if (server.process.isAlive()) {
      server.process.destroyForcibly();
      server.process.waitFor(30, TimeUnit.SECONDS);
    }
    Map<Stage, Long> byStage = new TreeMap<>();
    acknowledged.values().forEach(s -> byStage.merge(s, 1L, Long::sum));
    System.out.printf(
        Locale.ROOT,
        "CrashIT (%s store): %d kill -9 points, %d acknowledged writes, %d checks of acknowledged"
            + " requests after restarts, %d lost, %d disagreements of log and store;"
            + " requests by last acknowledged stage %s;"
            + " operations in flight at the kills %s; %.1f s; seed %d%n",
        H2 ? "H2" : "SQLite",
        KILLS,
        acks.get(),
        verified,
        lost.size(),
        disagreements.size(),
        byStage,
        inFlightAtKill,
        (System.nanoTime() - started) / 1e9,
        testSeed.value());
    // The server's own log (its stderr over every run) and the audit log hold no personal data.
    for (Path f : List.of(log, data.resolve("audit.log"))) {
      String text = Files.readString(f, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      for (String value : HttpFuzzIT.PERSONAL_DATA) {
        assertThat(text).as("%s", f.getFileName()).doesNotContain(value.toLowerCase(Locale.ROOT));
      }
    }
    assertThat(lost).as("acknowledged writes missing after kill -9").isEmpty();
    assertThat(disagreements).as("audit log and store disagree").isEmpty();
    assertThat(inFlightAtKill.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
  }

  /** One client: requests through their stages until the server dies under it. */
  void work(Server server, int client, Random r, AtomicInteger next, Map<Integer, String> doing) {
    List<String> mine = new ArrayList<>();
    try {
      while (true) {
        int k = r.nextInt(10);
        List<String> open =
            mine.stream().filter(ref -> acknowledged.get(ref) != Stage.EXPORTED).toList();
        if (k < 2 || open.isEmpty()) {
          String ref = "CR-" + next.incrementAndGet();
          doing.put(client, "create");
          HttpResponse<String> a = server.send("POST", "/api/requests", Role.STAFF, form(ref));
          if (a.statusCode() == 201) {
            ack(ref, Stage.CREATED);
            mine.add(ref);
          } else {
            throw new AssertionError("create answered " + a.statusCode() + ": " + a.body());
          }
        } else if (k < 8) {
          String ref = open.get(r.nextInt(open.size()));
          advance(server, client, ref, doing);
        } else {
          doing.put(client, "export");
          HttpResponse<String> a = server.send("POST", "/api/exports", Role.EXPORTER, "");
          if (a.statusCode() != 200) {
            throw new AssertionError("export answered " + a.statusCode() + ": " + a.body());
          }
          for (JsonNode e : JSON.readTree(a.body()).path("exported")) {
            ack(e.path("reference").asText(), Stage.EXPORTED);
          }
        }
        doing.remove(client);
      }
    } catch (IOException e) {
      // the server was killed under this request: it was not acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void advance(Server server, int client, String ref, Map<Integer, String> doing)
      throws IOException, InterruptedException {
    Stage s = acknowledged.get(ref);
    switch (s) {
      case CREATED -> {
        doing.put(client, "search");
        HttpResponse<String> a =
            server.send("POST", "/api/requests/" + ref + "/search", Role.STAFF, "");
        expect(a, 200);
        ack(ref, Stage.SEARCHED);
      }
      case SEARCHED -> {
        HttpResponse<String> v = server.send("GET", "/api/requests/" + ref, Role.STAFF, null);
        expect(v, 200);
        List<String> ids = new ArrayList<>();
        JsonNode result = JSON.readTree(v.body()).path("result");
        result
            .path("companies")
            .forEach(
                c ->
                    c.path("sources")
                        .forEach(
                            so -> so.path("records").forEach(h -> ids.add(h.path("id").asText()))));
        StringBuilder body = new StringBuilder("{\"decisions\": [");
        for (int i = 0; i < ids.size(); i++) {
          body.append(i == 0 ? "" : ", ")
              .append("{\"recordId\": \"")
              .append(ids.get(i))
              .append(
                  i % 2 == 0
                      ? "\", \"decision\": \"accept\"}"
                      : "\", \"decision\": \"reject\", \"reason\": \"本人ではない\"}");
        }
        body.append("]}");
        if (ids.isEmpty()) {
          ack(ref, Stage.DECIDED);
          return;
        }
        doing.put(client, "decide");
        HttpResponse<String> a =
            server.send("POST", "/api/requests/" + ref + "/decisions", Role.STAFF, body.toString());
        expect(a, 200);
        decided.put(ref, Set.copyOf(ids));
        ack(ref, Stage.DECIDED);
      }
      case DECIDED -> {
        doing.put(client, "ready");
        HttpResponse<String> a =
            server.send("POST", "/api/requests/" + ref + "/ready", Role.STAFF, "");
        expect(a, 200);
        ack(ref, Stage.READY);
      }
      default -> {}
    }
  }

  void ack(String ref, Stage stage) {
    acknowledged.merge(ref, stage, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    acks.incrementAndGet();
  }

  static void expect(HttpResponse<String> a, int status) {
    if (a.statusCode() != status) {
      throw new AssertionError("answered " + a.statusCode() + ": " + a.body());
    }
  }

  /** After a restart: every acknowledged write is there and the audit log agrees with the store. */
  List<String> check(Server server, Path data) throws Exception {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Stage> e : acknowledged.entrySet()) {
      String ref = e.getKey();
      HttpResponse<String> v = server.send("GET", "/api/requests/" + ref, Role.STAFF, null);
      if (v.statusCode() == 404) {
        missing.add(ref + " (created)");
        continue;
      }
      expect(v, 200);
      JsonNode c = JSON.readTree(v.body());
      Stage stored =
          switch (c.path("status").asText()) {
            case "received" -> Stage.CREATED;
            case "in_review" -> c.path("decisions").isEmpty() ? Stage.SEARCHED : Stage.DECIDED;
            case "ready" -> Stage.READY;
            case "exported" -> Stage.EXPORTED;
            default -> throw new AssertionError(c.path("status").asText());
          };
      Stage expected =
          e.getValue() == Stage.DECIDED && !decided.containsKey(ref)
              ? Stage.SEARCHED
              : e.getValue();
      if (stored.compareTo(expected) < 0) {
        missing.add(ref + " (" + expected + ", found " + stored + ")");
      }
      if (decided.containsKey(ref)) {
        List<String> ids = new ArrayList<>();
        c.path("decisions").forEach(d -> ids.add(d.path("recordId").asText()));
        if (!ids.containsAll(decided.get(ref))) {
          missing.add(ref + " (decisions)");
        }
      }
    }
    // The audit log: its chain reaches the head the store recorded, and it agrees with the store.
    Path audit = data.resolve("audit.log");
    Optional<AuditLog.Head> head = Optional.empty();
    if (!H2) {
      try (Connection db = DriverManager.getConnection(CaseDatabases.sqliteUrl(data));
          Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_anchor WHERE id = 1")) {
        if (rs.next()) {
          head = Optional.of(new AuditLog.Head(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    AuditLog.Verification v = AuditLog.verify(audit, head);
    if (!v.intact()) {
      disagreements.add("audit log: " + v.problem().orElse(""));
    }
    Map<String, Map<String, Integer>> actions = new HashMap<>();
    for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
      JsonNode l = JSON.readTree(line);
      if (l.path("requestReference").isTextual()) {
        actions
            .computeIfAbsent(l.path("requestReference").asText(), k -> new HashMap<>())
            .merge(l.path("action").asText(), 1, Integer::sum);
      }
    }
    HttpResponse<String> list = server.send("GET", "/api/requests", Role.STAFF, null);
    expect(list, 200);
    Map<String, String> statuses = new HashMap<>();
    JSON.readTree(list.body())
        .path("requests")
        .forEach(rq -> statuses.put(rq.path("reference").asText(), rq.path("status").asText()));
    for (Map.Entry<String, String> s : statuses.entrySet()) {
      Map<String, Integer> a = actions.getOrDefault(s.getKey(), Map.of());
      String ref = s.getKey();
      boolean ready = s.getValue().equals("ready") || s.getValue().equals("exported");
      boolean exported = s.getValue().equals("exported");
      if (a.getOrDefault("request.create", 0) != 1) {
        disagreements.add(
            ref + ": in the store, created " + a.get("request.create") + "x in the log");
      }
      if (a.getOrDefault("request.ready", 0) != (ready ? 1 : 0)) {
        disagreements.add(
            ref
                + ": "
                + s.getValue()
                + " in the store, ready "
                + a.get("request.ready")
                + "x in the log");
      }
      if (a.getOrDefault("package.export", 0) != (exported ? 1 : 0)) {
        disagreements.add(
            ref
                + ": "
                + s.getValue()
                + " in the store, exported "
                + a.get("package.export")
                + "x in the log");
      }
    }
    for (Map.Entry<String, Map<String, Integer>> a : actions.entrySet()) {
      if (a.getValue().containsKey("request.create") && !statuses.containsKey(a.getKey())) {
        disagreements.add(a.getKey() + ": created in the log, not in the store");
      }
    }
    try (Stream<Path> files = Files.list(data.resolve("packages"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    } catch (java.nio.file.NoSuchFileException e) {
      // nothing exported yet
    }
    return missing;
  }

  // ---- the server process ----

  record Server(Process process, int port, HttpClient http) {
    HttpResponse<String> send(String method, String path, Role role, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + TestWorld.TOKENS.get(role));
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  Server start() throws Exception {
    return startServer(config, log, http);
  }

  /** Starts {@code kaiji serve} as a real process; its stderr is appended to {@code log}. */
  static Server startServer(Path config, Path log, HttpClient http) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            KaijiMain.class.getName(),
            "serve",
            "--config",
            config.toString());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("kaiji: serving on port ")) {
        int port = Integer.parseInt(line.substring("kaiji: serving on port ".length()).strip());
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return new Server(p, port, http);
      }
    }
    p.waitFor(10, TimeUnit.SECONDS);
    throw new AssertionError("the server did not start (exit " + p.exitValue() + "): " + tail(log));
  }

  static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  void rebuild(Server server) throws Exception {
    HttpResponse<String> started = server.send("POST", "/api/admin/rebuilds", Role.ADMIN, "");
    expect(started, 202);
    String status = JSON.readTree(started.body()).path("status").asText();
    for (int i = 0; i < 1200; i++) {
      JsonNode job = JSON.readTree(server.send("GET", status, Role.ADMIN, null).body());
      String state = job.path("state").asText();
      if (state.equals("SUCCEEDED")) {
        return;
      }
      if (!state.equals("PENDING") && !state.equals("RUNNING")) {
        throw new AssertionError("rebuild " + job);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("rebuild did not finish");
  }

  static String form(String ref) {
    return HttpFuzzIT.form(ref);
  }
}
