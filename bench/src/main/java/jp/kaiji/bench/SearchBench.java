package jp.kaiji.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry;
import jp.kaiji.http.Json;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectMatcher;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.LuceneSubjectIndex;
import jp.kaiji.normalize.Hashes;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RequestIdentity;
import jp.kaiji.search.SearchRequest;
import jp.kaiji.server.KaijiApplication;
import jp.kaiji.server.ServerConfig;

/**
 * Subject search latency in-process (the real matcher on the Lucene index) and over HTTP on
 * loopback.
 */
final class SearchBench {
  private SearchBench() {}

  /** A latency measurement; {@code perSecond} is throughput over the timed wall clock. */
  record Latency(Stats millis, double perSecond, long errors) {}

  /**
   * The in-process measurement, with the searching thread's CPU per search: on a shared machine the
   * CPU a search used moves far less than its wall-clock time.
   */
  record InProcess(Latency latency, double cpuMillisPerSearch) {}

  /**
   * How often every request is sent: {@code warmups} untimed passes (the JIT compiles the search
   * paths during them), then {@code rounds} timed ones.
   */
  record Passes(int warmups, int rounds) {
    Passes {
      if (warmups < 1 || rounds < 1) {
        throw new IllegalArgumentException("warm-up and timed passes must each be at least 1");
      }
    }
  }

  /** The passes over the requests, in order, on one thread. */
  static InProcess inProcess(
      IndexGenerations generations,
      List<SubjectQuery> forms,
      Passes passes,
      CountingSnapshot.Counts counts)
      throws IOException {
    try (LuceneSubjectIndex index = new LuceneSubjectIndex(generations)) {
      SubjectMatcher matcher = new SubjectMatcher(MatchPolicy.defaults());
      List<Optional<IdentityKeys>> keys = new ArrayList<>();
      long invalid = 0;
      for (SubjectQuery f : forms) {
        IdentityKeys k = RequestIdentity.parse(f).keys();
        keys.add(k.isEmpty() ? Optional.empty() : Optional.of(k));
        if (k.isEmpty()) {
          invalid++;
        }
      }
      int rounds = passes.rounds();
      long[] samples = new long[rounds * forms.size()];
      int n = 0;
      long wall = 0;
      long cpu = 0;
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int round = 1 - passes.warmups(); round <= rounds; round++) {
        long roundStart = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < forms.size(); i++) {
          long t0 = System.nanoTime();
          try (SubjectIndex.Snapshot acquired = index.acquire().orElseThrow()) {
            // The form is read per request, as the API does; one with nothing usable is a 400.
            IdentityKeys k = RequestIdentity.parse(forms.get(i)).keys();
            if (!k.isEmpty()) {
              // The timed rounds count the matcher's index round trips too.
              SubjectIndex.Snapshot snapshot =
                  round > 0 ? new CountingSnapshot(acquired, counts) : acquired;
              matcher.match(snapshot, k);
            }
          }
          if (round > 0) {
            samples[n++] = System.nanoTime() - t0;
          }
        }
        if (round > 0) {
          wall += System.nanoTime() - roundStart;
          cpu += threads.getCurrentThreadCpuTime() - cpuStart;
        }
      }
      return new InProcess(
          new Latency(Stats.of(samples).millis(), wall == 0 ? Double.NaN : n * 1e9 / wall, invalid),
          n == 0 ? Double.NaN : cpu / 1e6 / n);
    }
  }

  /**
   * An HTTP measurement: latency and throughput seen by the clients, the server's CPU per search
   * (the clients run in another process, so this JVM's CPU is the server's) and where it went by
   * kind of thread ({@link ThreadCpu}, milliseconds over the timed passes), the clients' CPU per
   * search (both share the machine's cores), and the start-up: from starting the server to the
   * first answered search.
   */
  record Http(
      Latency latency,
      double serverCpuMillisPerSearch,
      Map<String, Long> serverCpuMillisByThreads,
      double clientCpuMillisPerSearch,
      long startupMillis) {}

  /**
   * Starts the real server on loopback port 0 with a fresh staff token, then {@code clients}
   * threads of a second JVM ({@link HttpLoad}) post every request in the warm-up passes, then in
   * the timed ones.
   */
  static Http http(
      Path catalog,
      Path dataRoot,
      List<SubjectQuery> forms,
      Passes passes,
      int clients,
      Path scratch)
      throws Exception {
    String token = TokenRegistry.newToken();
    var entry = new TokenRegistry.TokenEntry("bench", Role.STAFF, Hashes.sha256Hex(token));
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1", 0, false, Optional.empty(), catalog, dataRoot, List.of(entry));
    ObjectMapper json = Json.mapper();
    List<String> bodies = new ArrayList<>();
    for (SubjectQuery f : forms) {
      bodies.add(json.writeValueAsString(new SearchRequest(Optional.of("BENCH-1"), f)));
    }
    Path bodyFile = Files.createTempFile(scratch, "bodies-", ".jsonl");
    Files.write(bodyFile, bodies, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    try (KaijiApplication app = new KaijiApplication(config, Clock.systemUTC()).start()) {
      URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/subject-search");
      Map<Integer, AtomicLong> first = new ConcurrentHashMap<>();
      HttpLoad.drive(uri, token, bodies.subList(0, 1), 1, 1, null, first);
      long startup = (System.nanoTime() - started) / 1_000_000;
      // The warm-up passes, then the timed ones, in one client JVM; the server's CPU is counted
      // from the end of the warm-up.
      Path out = Files.createTempFile(scratch, "load-", ".txt");
      long[] cpu0 = new long[1];
      List<Map<String, Long>> threads0 = new ArrayList<>();
      clients(
          uri,
          token,
          bodyFile,
          passes,
          clients,
          out,
          () -> {
            threads0.add(ThreadCpu.snapshot());
            cpu0[0] = RebuildBench.processCpuMillis();
          });
      long cpu = RebuildBench.processCpuMillis() - cpu0[0];
      Map<String, Long> byThreads = ThreadCpu.millisBetween(threads0.get(0), ThreadCpu.snapshot());
      long clientCpu = 0;
      long wall = 0;
      long errors = 0;
      List<Long> samples = new ArrayList<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "wall" -> wall = Long.parseLong(f[1]);
          case "cpu" -> clientCpu = Long.parseLong(f[1]);
          case "status" -> {
            if (!f[1].equals("200") && !f[1].equals("400")) {
              errors += Long.parseLong(f[2]);
            }
          }
          default -> samples.add(Long.parseLong(f[0]));
        }
      }
      Files.deleteIfExists(out);
      long[] s = samples.stream().mapToLong(Long::longValue).toArray();
      return new Http(
          new Latency(Stats.of(s).millis(), s.length * 1e9 / wall, errors),
          (double) cpu / s.length,
          byThreads,
          (double) clientCpu / s.length,
          startup);
    } finally {
      Files.deleteIfExists(bodyFile);
    }
  }

  /**
   * Runs {@link HttpLoad} in a child JVM and waits for it; {@code warm} runs between the warm-up
   * and the timed passes.
   */
  private static void clients(
      URI uri, String token, Path bodies, Passes passes, int clients, Path out, Runnable warm)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HttpLoad.class.getName());
    cmd.addAll(
        List.of(
            uri.toString(),
            token,
            bodies.toString(),
            Integer.toString(passes.rounds()),
            Integer.toString(clients),
            out.toString(),
            Integer.toString(passes.warmups())));
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (var said =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var answer = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8)) {
      if (!"warm".equals(said.readLine())) {
        p.destroyForcibly();
        throw new IOException("the HTTP client process ended before its warm-up finished");
      }
      warm.run();
      answer.println("go");
    }
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IOException("the HTTP client process exited with " + exit);
    }
  }
}
