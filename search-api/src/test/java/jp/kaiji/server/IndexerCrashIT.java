package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.kaiji.auth.Role;
import jp.kaiji.indexer.cli.IndexerCli;
import jp.kaiji.match.lucene.GenerationIntegrity;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexer rebuild} as a real process killed with {@code kill -9} at a seeded time or as soon
 * as it reaches a step: the new generation's directory, its stats.json, its report.json, the switch
 * of CURRENT (then it is pruning or exiting). After each kill: CURRENT names a complete generation
 * whose checksums verify, the server starts on it (a real process) and answers the same records,
 * {@code indexer status} exits 0, and no partial generation directory remains. {@code
 * -Dkaiji.indexerCrash.kills=N} sets the kills (default 5, one per trigger).
 */
class IndexerCrashIT {
  static final int KILLS = Integer.getInteger("kaiji.indexerCrash.kills", 5);

  @RegisterExtension final TestSeed testSeed = new TestSeed();
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Optional<String> current(Path index) throws Exception {
    Path f = index.resolve("CURRENT");
    return Files.exists(f)
        ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip())
        : Optional.empty();
  }

  static List<Path> generationDirs(Path index) throws Exception {
    try (Stream<Path> s = Files.list(index)) {
      return s.filter(p -> p.getFileName().toString().startsWith("gen-")).sorted().toList();
    }
  }

  /** Where the kill hit, judged from what it left. */
  static String phase(Path index, String before, int exit) throws Exception {
    String now = current(index).orElse("-");
    if (!now.equals(before)) {
      return exit == 0 ? "after the rebuild finished" : "after the switch (pruning, exit)";
    }
    List<Path> dirs = generationDirs(index);
    Path newest = dirs.getLast();
    if (newest.getFileName().toString().compareTo(before) <= 0) {
      return "before the new generation began (start-up, catalogue)";
    }
    if (Files.exists(index.resolve("CURRENT.tmp"))) {
      return "while CURRENT was written";
    }
    return Files.exists(newest.resolve("report.json"))
        ? "after the report, before the switch"
        : "while building (read, index, commit, check, stats)";
  }

  /** When to kill: after a seeded time, or as soon as the rebuild reaches a step. */
  enum Trigger {
    AT_A_SEEDED_TIME,
    WHEN_THE_GENERATION_BEGINS,
    WHEN_STATS_ARE_WRITTEN,
    WHEN_THE_REPORT_IS_WRITTEN,
    WHEN_CURRENT_MOVES;

    boolean due(Path index, String next, String before, long start, long delayMillis)
        throws Exception {
      return switch (this) {
        case AT_A_SEEDED_TIME -> System.nanoTime() - start > delayMillis * 1_000_000;
        case WHEN_THE_GENERATION_BEGINS -> Files.exists(index.resolve(next));
        case WHEN_STATS_ARE_WRITTEN -> Files.exists(index.resolve(next).resolve("stats.json"));
        case WHEN_THE_REPORT_IS_WRITTEN -> Files.exists(index.resolve(next).resolve("report.json"));
        case WHEN_CURRENT_MOVES -> !current(index).orElse(before).equals(before);
      };
    }
  }

  static int generationNumber(Path index) throws Exception {
    List<Path> dirs = generationDirs(index);
    return dirs.isEmpty()
        ? 0
        : Integer.parseInt(dirs.getLast().getFileName().toString().substring(4));
  }

  private String[] rebuild(Path index) {
    return new String[] {
      "rebuild",
      "--catalog",
      dir.resolve("catalog.json").toString(),
      "--data",
      index.getParent().toString(),
      "--keep",
      "2" // so that most rebuilds also prune, and a kill can hit the pruning
    };
  }

  private Process startIndexer(Path log, String... args) throws Exception {
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
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** The server started on the data as it is: its health and the requester's records. */
  private String serve(Path config, Path log, String expectedGeneration) throws Exception {
    CrashIT.Server server = CrashIT.startServer(config, log, http);
    try {
      JsonNode health = json.readTree(server.send("GET", "/health", Role.STAFF, null).body());
      assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("ok");
      assertThat(health.path("generation").asText()).isEqualTo(expectedGeneration);
      HttpResponse<String> r =
          server.send("POST", "/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return SubjectSearchIT.records(json.readTree(r.body())).toString();
    } finally {
      server.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void killingTheIndexerAnywhereLeavesAnIntactGenerationServing() throws Exception {
    Random random = testSeed.random();
    Path config = GenerationSwitchIT.configure(dir);
    // Enough rows that a rebuild lasts long enough to be killed in each of its phases.
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      rows.append(String.format(Locale.ROOT, "N%05d,試験 花子,,,,,,,%n", i));
    }
    Files.writeString(
        dir.resolve("shop/customers.csv"), rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Path log = dir.resolve("processes.log");
    Path index = dir.resolve("data/index");

    long t0 = System.nanoTime();
    assertThat(GenerationSwitchIT.indexer(log, rebuild(index))).as(CrashIT.tail(log)).isZero();
    long fullMillis = (System.nanoTime() - t0) / 1_000_000;
    String records = serve(config, log, "gen-000001");

    Map<String, Integer> phases = new TreeMap<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      String before = current(index).orElseThrow();
      String next = String.format(Locale.ROOT, "gen-%06d", generationNumber(index) + 1);
      Trigger trigger = Trigger.values()[(kill - 1) % Trigger.values().length];
      long delay = (long) (random.nextDouble() * fullMillis);
      Process p = startIndexer(log, rebuild(index));
      long start = System.nanoTime();
      while (p.isAlive() && !trigger.due(index, next, before, start, delay)) {
        Thread.onSpinWait();
      }
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      phases.merge(phase(index, before, p.exitValue()), 1, Integer::sum);

      String now = current(index).orElseThrow();
      assertThat(index.resolve(now).resolve("report.json")).isRegularFile();
      assertThat(GenerationIntegrity.problem(index.resolve(now).resolve("index"))).isEmpty();
      assertThat(serve(config, log, now)).isEqualTo(records);
      assertThat(GenerationSwitchIT.indexer(log, "status", "--data", index.getParent().toString()))
          .as(CrashIT.tail(log))
          .isZero();
      for (Path g : generationDirs(index)) {
        assertThat(g.resolve("report.json")).as("partial %s left", g).isRegularFile();
      }
    }
    assertThat(GenerationSwitchIT.indexer(log, rebuild(index))).as(CrashIT.tail(log)).isZero();
    System.out.printf(
        Locale.ROOT,
        "indexer kill -9: %d kills (a full rebuild took %d ms), where they hit: %s%n",
        KILLS,
        fullMillis,
        phases);
  }
}
