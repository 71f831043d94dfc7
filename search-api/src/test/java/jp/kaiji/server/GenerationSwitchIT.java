package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jp.kaiji.auth.Role;
import jp.kaiji.indexer.cli.IndexerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexer rebuild} run as its own process while the server (another real process) serves:
 * the server follows CURRENT within a second, and the indexer's pruning never deletes the
 * generation the server serves (the server holds its {@code serving.lock}; an OS lock, so only two
 * JVMs test it honestly).
 */
class GenerationSwitchIT {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Writes the test world and a server configuration on {@code dir/data}; returns the config. */
  static Path configure(Path dir) throws Exception {
    TestWorld.writeSources(dir, "", Map.of());
    Path config = dir.resolve("kaiji-server.json");
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
                dir.resolve("data"),
                TestWorld.tokenEntries()));
    return config;
  }

  /** Runs the indexer's command line as a real process; returns its exit code. */
  static int indexer(Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            IndexerCli.class.getName()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the indexer did not finish");
    }
    return p.exitValue();
  }

  private JsonNode search(CrashIT.Server server) throws Exception {
    HttpResponse<String> r =
        server.send("POST", "/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  /** Searches until the answer comes from {@code generation}; at most 5 s. */
  private JsonNode searchUntil(CrashIT.Server server, String generation) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      JsonNode r = search(server);
      if (r.path("generation").path("id").asText().equals(generation) || System.nanoTime() > end) {
        return r;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void theServerFollowsARebuildOfAnotherProcessWhichNeverDeletesWhatTheServerServes()
      throws Exception {
    Path config = configure(dir);
    Path log = dir.resolve("processes.log");
    Path index = dir.resolve("data/index");
    String[] rebuild = {
      "rebuild",
      "--catalog",
      dir.resolve("catalog.json").toString(),
      "--data",
      index.getParent().toString(),
      "--keep",
      "1"
    };
    assertThat(indexer(log, rebuild)).as(CrashIT.tail(log)).isZero();
    CrashIT.Server server = CrashIT.startServer(config, log, http);
    try {
      JsonNode first = search(server);
      assertThat(first.path("generation").path("id").asText()).isEqualTo("gen-000001");
      String records = SubjectSearchIT.records(first).toString();

      // keep=1 prunes every older generation, but the server still serves gen-000001.
      assertThat(indexer(log, rebuild)).as(CrashIT.tail(log)).isZero();
      assertThat(index.resolve("gen-000001/index")).isDirectory();

      JsonNode second = searchUntil(server, "gen-000002");
      assertThat(second.path("generation").path("id").asText()).isEqualTo("gen-000002");
      assertThat(SubjectSearchIT.records(second).toString()).isEqualTo(records);
      JsonNode health = json.readTree(server.send("GET", "/health", Role.STAFF, null).body());
      assertThat(health.path("status").asText()).isEqualTo("ok");
      assertThat(health.path("generation").asText()).isEqualTo("gen-000002");

      // Now gen-000001 is served by no one and goes; gen-000002 still serves and stays.
      assertThat(indexer(log, rebuild)).as(CrashIT.tail(log)).isZero();
      assertThat(index.resolve("gen-000001")).doesNotExist();
      assertThat(index.resolve("gen-000002/index")).isDirectory();
      JsonNode third = searchUntil(server, "gen-000003");
      assertThat(third.path("generation").path("id").asText()).isEqualTo("gen-000003");
      assertThat(SubjectSearchIT.records(third).toString()).isEqualTo(records);
    } finally {
      server.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
