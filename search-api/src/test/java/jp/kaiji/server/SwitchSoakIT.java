package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: clients search without pause while the admin rebuilds and switches generations again
 * and again. Every answer is 200, finds the requester's records with their content as before, and
 * is of one generation: each rebuild adds one order, so the orders source's size in an answer must
 * be the size of the generation the answer names (a mix of two generations would show the other
 * size).
 *
 * <p>{@code -Dkaiji.soak.rebuilds=N} (default 4) and {@code -Dkaiji.soak.clients=N} (default 4).
 */
class SwitchSoakIT {
  static final int REBUILDS = Integer.getInteger("kaiji.soak.rebuilds", 4);
  static final int CLIENTS = Integer.getInteger("kaiji.soak.clients", 4);

  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  /**
   * The records found and their stored content; not their scores, which move with the index's size
   * as each rebuild adds an order.
   */
  static String found(JsonNode answer) {
    return SubjectSearchIT.records(answer).stream()
        .map(r -> r.path("id").asText() + "=" + r.path("original"))
        .toList()
        .toString();
  }

  static long orders(JsonNode answer) {
    for (JsonNode s : answer.path("sourcesSearched")) {
      if (s.path("source").asText().equals("shop-orders")) {
        return s.path("records").asLong();
      }
    }
    return -1;
  }

  @Test
  void searchesAcrossGenerationSwitchesNeverFailAndNeverMixGenerations() throws Exception {
    try (TestWorld world = new TestWorld(dir)) {
      HttpResponse<String> first =
          world.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
      JsonNode firstAnswer = json.readTree(first.body());
      String records = found(firstAnswer);
      assertThat(SubjectSearchIT.records(firstAnswer)).isNotEmpty();
      long baseOrders = orders(firstAnswer);
      assertThat(baseOrders).isEqualTo(3);

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong searches = new AtomicLong();
      Map<String, Long> perGeneration = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Thread t =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      HttpResponse<String> r =
                          world.post("/api/subject-search", Role.STAFF, SubjectSearchIT.REQUESTER);
                      searches.incrementAndGet();
                      if (r.statusCode() != 200) {
                        errors.add("status " + r.statusCode() + ": " + r.body());
                        continue;
                      }
                      JsonNode a = json.readTree(r.body());
                      String gen = a.path("generation").path("id").asText();
                      perGeneration.merge(gen, 1L, Long::sum);
                      long expected = baseOrders + Long.parseLong(gen.substring(4)) - 1;
                      if (orders(a) != expected) {
                        errors.add(
                            gen + " answered with " + orders(a) + " orders, not " + expected);
                      }
                      if (!found(a).equals(records)) {
                        errors.add(gen + " answered other records");
                      }
                    } catch (Exception e) {
                      errors.add(e.toString());
                    }
                  }
                },
                "soak-client-" + c);
        t.start();
        clients.add(t);
      }
      long started = System.nanoTime();
      try {
        for (int i = 1; i <= REBUILDS; i++) {
          Files.writeString(
              dir.resolve("shop/orders.csv"),
              String.format(Locale.ROOT, "X%d,C999,試験品,%d%n", i, 100 * i),
              StandardCharsets.UTF_8,
              StandardOpenOption.APPEND);
          HttpResponse<String> r = world.post("/api/admin/rebuilds", Role.ADMIN, "");
          assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
          waitFor(world, json.readTree(r.body()).path("status").asText());
          Thread.sleep(200); // searches on the new generation before the next switch
        }
      } finally {
        stop.set(true);
        for (Thread t : clients) {
          t.join();
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "soak: %d searches by %d clients in %.1f s across %d switches, %d errors, per"
              + " generation %s%n",
          searches.get(),
          CLIENTS,
          seconds,
          REBUILDS,
          errors.size(),
          new java.util.TreeMap<>(perGeneration));
      assertThat(errors).isEmpty();
      assertThat(perGeneration.keySet())
          .contains(String.format(Locale.ROOT, "gen-%06d", REBUILDS + 1));
      assertThat(Set.copyOf(perGeneration.keySet())).hasSizeGreaterThan(1);
    }
  }

  private void waitFor(TestWorld world, String status) throws Exception {
    for (int i = 0; i < 1200; i++) {
      JsonNode job = json.readTree(world.get(status, Role.ADMIN).body());
      String state = job.path("state").asText();
      if (state.equals("SUCCEEDED")) {
        return;
      }
      assertThat(state).as(job.toString()).isIn("PENDING", "RUNNING");
      Thread.sleep(50);
    }
    throw new AssertionError("rebuild did not finish");
  }
}
