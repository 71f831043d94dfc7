package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damage to the serving generation or the request database, then a restart of the real server on
 * loopback: it never answers 200 with wrong content. It serves the intact kept generation (the same
 * records as before the damage) and {@code /health} says degraded and why, or it answers 503 {@code
 * KJ-503-01}; a lost stats.json is reported, not fatal; a damaged or deleted request database is
 * refused, never replaced.
 */
class IndexCorruptionIT {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();
  final List<String> logged = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          synchronized (logged) {
            logged.add(r.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    Logger.getLogger("").removeHandler(capture);
  }

  /** What is done to the current generation. */
  enum Damage {
    FLIP_STORED_FIELDS,
    FLIP_TERMS,
    TRUNCATE_POSTINGS,
    DELETE_STORED_FIELDS_INDEX,
    DELETE_STATS
  }

  static Path largest(Path generation, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(generation.resolve("index"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix))
          .max(Comparator.comparingLong(p -> p.toFile().length()))
          .orElseThrow(() -> new AssertionError("no *" + suffix + " in " + generation));
    }
  }

  static void flip(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x5a);
    }
  }

  static void damage(Path generation, Damage d) throws IOException {
    switch (d) {
      case FLIP_STORED_FIELDS -> flip(largest(generation, ".fdt"));
      case FLIP_TERMS -> flip(largest(generation, ".tim"));
      case TRUNCATE_POSTINGS -> {
        Path doc = largest(generation, ".doc");
        try (RandomAccessFile f = new RandomAccessFile(doc.toFile(), "rw")) {
          f.setLength(f.length() / 2);
        }
      }
      case DELETE_STORED_FIELDS_INDEX -> Files.delete(largest(generation, ".fdx"));
      case DELETE_STATS -> Files.delete(generation.resolve("stats.json"));
    }
  }

  private JsonNode health(TestWorld.ServerAt server) throws Exception {
    HttpResponse<String> r = server.get("/health", Role.STAFF);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void theIntactKeptGenerationServesTheSameRecords(Damage d) throws Exception {
    TestWorld world = new TestWorld(dir);
    String before;
    try (world) {
      world.rebuildAndWait();
      HttpResponse<String> r =
          world.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
      assertThat(json.readTree(r.body()).path("generation").path("id").asText())
          .isEqualTo("gen-000002");
      before = SubjectSearchIT.records(json.readTree(r.body())).toString();
    }
    Path index = dir.resolve("data/index");
    damage(index.resolve("gen-000002"), d);

    try (KaijiApplication app = new KaijiApplication(world.config, Clock.systemUTC()).start()) {
      TestWorld.ServerAt server = new TestWorld.ServerAt(app.port());
      String serving = d == Damage.DELETE_STATS ? "gen-000002" : "gen-000001";
      JsonNode h = health(server);
      assertThat(h.path("status").asText()).isEqualTo("degraded");
      assertThat(h.path("generation").asText()).isEqualTo(serving);
      assertThat(h.path("current").asText()).isEqualTo("gen-000002");
      assertThat(h.path("problems").toString())
          .contains(
              d == Damage.DELETE_STATS
                  ? "stats.json of gen-000002 is missing"
                  : "generation gen-000002 is damaged");

      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r =
            server.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode after = json.readTree(r.body());
        assertThat(after.path("generation").path("id").asText()).isEqualTo(serving);
        assertThat(SubjectSearchIT.records(after).toString()).isEqualTo(before);
      }
      synchronized (logged) {
        assertThat(logged)
            .anyMatch(
                m ->
                    m.startsWith(
                        d == Damage.DELETE_STATS
                            ? "stats.json of gen-000002 is missing"
                            : "serving index generation gen-000001, not CURRENT's gen-000002"));
        assertThat(logged).noneMatch(m -> m.contains("previous generation keeps serving"));
      }
    }
  }

  @Test
  void withNoIntactGenerationSearchesAnswer503AndHealthSaysWhy() throws Exception {
    TestWorld world = new TestWorld(dir);
    world.close();
    damage(dir.resolve("data/index/gen-000001"), Damage.FLIP_TERMS);
    try (KaijiApplication app = new KaijiApplication(world.config, Clock.systemUTC()).start()) {
      TestWorld.ServerAt server = new TestWorld.ServerAt(app.port());
      HttpResponse<String> r =
          server.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(json.readTree(r.body()).path("error").path("code").asText())
          .isEqualTo("KJ-503-01");
      JsonNode h = health(server);
      assertThat(h.path("status").asText()).isEqualTo("no-index");
      assertThat(h.path("problems").toString()).contains("generation gen-000001 is damaged");
    }
  }

  @Test
  void aDamagedRequestDatabaseIsRefusedAndLeftAsItIs() throws Exception {
    TestWorld world = new TestWorld(dir);
    world.close();
    Path db = dir.resolve("data/requests.db");
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(0);
      f.write(new byte[100]); // the header: "SQLite format 3" and the page size
    }
    byte[] damaged = Files.readAllBytes(db);
    assertThatThrownBy(() -> new KaijiApplication(world.config, Clock.systemUTC()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the request database " + db)
        .hasMessageContaining("is damaged")
        .hasMessageContaining("restore it from a backup");
    assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
  }

  @Test
  void aDeletedRequestDatabaseIsRefusedAndNotReplacedByAnEmptyOne() throws Exception {
    TestWorld world = new TestWorld(dir);
    try (world) {
      // A search is audited: the log now records work.
      world.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
    }
    Path db = dir.resolve("data/requests.db");
    for (String f : List.of("requests.db", "requests.db-wal", "requests.db-shm")) {
      Files.deleteIfExists(dir.resolve("data").resolve(f));
    }
    assertThatThrownBy(() -> new KaijiApplication(world.config, Clock.systemUTC()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is missing beside an audit log");
    assertThat(db).doesNotExist();
  }
}
