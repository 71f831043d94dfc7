package jp.kaiji.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry.TokenEntry;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.normalize.Hashes;

/**
 * The committed fixtures sample ({@code fixtures/sample}: 19 sources of nine companies), indexed
 * and served by the real server on a free loopback port, with one token per role.
 */
final class ConsoleWorld implements AutoCloseable {
  static final Map<Role, String> TOKENS =
      Map.of(
          Role.STAFF,
          "console-staff-token-0123456789",
          Role.ADMIN,
          "console-admin-token-0123456789",
          Role.EXPORTER,
          "console-exporter-token-0123456789");

  final KaijiApplication app;
  final String base;
  final Path catalog;

  ConsoleWorld(Path data) throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("fixtures/sample")) ? here : here.getParent();
    catalog = root.resolve("fixtures/sample/catalog.json");
    List<TokenEntry> tokens =
        TOKENS.entrySet().stream()
            .map(
                e ->
                    new TokenEntry(
                        "console-" + e.getKey().id(), e.getKey(), Hashes.sha256Hex(e.getValue())))
            .toList();
    app =
        new KaijiApplication(
            new ServerConfig("127.0.0.1", 0, false, Optional.empty(), catalog, data, tokens),
            Clock.systemUTC());
    String job = app.admin().startRebuild();
    RebuildJob.Progress p;
    int waited = 0;
    do {
      Thread.sleep(50);
      p = app.admin().job(job).orElseThrow();
      if (++waited > 1200) {
        throw new AssertionError("sample rebuild did not finish in 60 s");
      }
    } while (p.state() == RebuildJob.State.PENDING || p.state() == RebuildJob.State.RUNNING);
    if (p.state() != RebuildJob.State.SUCCEEDED) {
      throw new AssertionError("sample rebuild " + p.state() + ": " + p.message().orElse(""));
    }
    app.start();
    base = "http://127.0.0.1:" + app.port();
  }

  /** The form of the first fixture request of a person who is in the sources. */
  JsonNode fixtureForm() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(catalog.getParent().resolve("requests.jsonl"))) {
      JsonNode r = json.readTree(line);
      if (r.path("expectedPerson").isTextual() && r.path("kind").asText().equals("person")) {
        return r.get("form");
      }
    }
    throw new AssertionError("no person request in the sample");
  }

  /** The form of a fixture request whose search returns both confirmed and needs-review records. */
  JsonNode formWithRecordsToReview() throws Exception {
    ObjectMapper json =
        new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    var who = new jp.kaiji.auth.Principal("console-it-setup", Role.STAFF);
    for (String line : Files.readAllLines(catalog.getParent().resolve("requests.jsonl"))) {
      JsonNode r = json.readTree(line);
      var query = json.treeToValue(r.get("form"), jp.kaiji.query.SubjectQuery.class);
      try {
        var s =
            app.search()
                .search(who, new jp.kaiji.search.SearchRequest(Optional.empty(), query))
                .summary();
        if (s.confirmed() > 0 && s.needsReview() > 0 && s.records() <= 12) {
          return r.get("form");
        }
      } catch (Exception e) {
        // a request the matcher refuses (an invalid identifier on purpose): try the next
      }
    }
    throw new AssertionError("no sample request with records to review");
  }

  @Override
  public void close() throws Exception {
    app.close();
  }
}
