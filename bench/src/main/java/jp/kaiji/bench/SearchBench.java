package jp.kaiji.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** Round 0 warms up; rounds 1..rounds are timed, every request once per round, on one thread. */
  static Latency inProcess(IndexGenerations generations, List<SubjectQuery> forms, int rounds)
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
      long[] samples = new long[rounds * forms.size()];
      int n = 0;
      long wall = 0;
      for (int round = 0; round <= rounds; round++) {
        long roundStart = System.nanoTime();
        for (int i = 0; i < forms.size(); i++) {
          long t0 = System.nanoTime();
          try (SubjectIndex.Snapshot snapshot = index.acquire().orElseThrow()) {
            // The form is read per request, as the API does; one with nothing usable is a 400.
            IdentityKeys k = RequestIdentity.parse(forms.get(i)).keys();
            if (!k.isEmpty()) {
              matcher.match(snapshot, k);
            }
          }
          if (round > 0) {
            samples[n++] = System.nanoTime() - t0;
          }
        }
        if (round > 0) {
          wall += System.nanoTime() - roundStart;
        }
      }
      return new Latency(
          Stats.of(samples).millis(), wall == 0 ? Double.NaN : n * 1e9 / wall, invalid);
    }
  }

  /**
   * Starts the real server on loopback port 0 with a fresh staff token, then {@code clients}
   * threads post every request {@code rounds} times (after one warm-up pass).
   */
  static Latency http(
      Path catalog, Path dataRoot, List<SubjectQuery> forms, int rounds, int clients)
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
    try (KaijiApplication app = new KaijiApplication(config, Clock.systemUTC()).start()) {
      URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/subject-search");
      Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
      // Warm-up: every request once, then the timed rounds.
      drive(uri, token, bodies, 1, clients, null, statuses);
      statuses.clear();
      long[] samples = new long[rounds * bodies.size()];
      long t0 = System.nanoTime();
      drive(uri, token, bodies, rounds, clients, samples, statuses);
      long wall = System.nanoTime() - t0;
      long errors =
          statuses.entrySet().stream()
              .filter(e -> e.getKey() != 200 && e.getKey() != 400)
              .mapToLong(e -> e.getValue().get())
              .sum();
      return new Latency(Stats.of(samples).millis(), samples.length * 1e9 / wall, errors);
    }
  }

  private static void drive(
      URI uri,
      String token,
      List<String> bodies,
      int rounds,
      int clients,
      long[] samples,
      Map<Integer, AtomicLong> statuses)
      throws InterruptedException {
    int total = rounds * bodies.size();
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    AtomicLong failures = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  HttpRequest req =
                      HttpRequest.newBuilder(uri)
                          .header("Content-Type", "application/json")
                          .header("Authorization", "Bearer " + token)
                          .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())))
                          .build();
                  long s = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    statuses
                        .computeIfAbsent(r.statusCode(), k -> new AtomicLong())
                        .incrementAndGet();
                  } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                    statuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                  }
                  if (samples != null) {
                    samples[i] = System.nanoTime() - s;
                  }
                }
              },
              "kaiji-bench-client-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
