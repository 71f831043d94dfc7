package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import jp.kaiji.match.MatchPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code matchPolicy} file of the server configuration: read at start, every error named. */
class MatchPolicyFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static Path sampleCatalog() {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("fixtures/sample")) ? here : here.getParent();
    return root.resolve("fixtures/sample/catalog.json");
  }

  /** The shipped defaults as a file, changed by {@code edit}. */
  private Path policy(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode node;
    try (InputStream in = MatchPolicy.class.getResourceAsStream("match-policy.json")) {
      node = (ObjectNode) JSON.readTree(in);
    }
    edit.accept(node);
    Path file = dir.resolve("policy.json");
    Files.writeString(file, JSON.writeValueAsString(node));
    return file;
  }

  @Test
  void aValidFileIsWhatTheServerUses() throws Exception {
    Path catalog = sampleCatalog();
    Path config = dir.resolve("server.json");
    policy(p -> p.put("confirmedMinScore", 14.5));
    Files.writeString(
        config,
        """
        {"host": "127.0.0.1", "port": 0, "catalog": "CATALOG", "dataDir": "data",
         "matchPolicy": "policy.json"}
        """
            .replace("CATALOG", catalog.toString().replace("\\", "\\\\")));
    ServerConfig loaded = ServerConfig.load(config);
    assertThat(loaded.matchPolicy()).contains(dir.resolve("policy.json").toAbsolutePath());
    try (KaijiApplication app = new KaijiApplication(loaded, Clock.systemUTC())) {
      assertThat(app.matchPolicy().confirmedMinScore()).isEqualTo(14.5);
    }
    try (KaijiApplication app =
        new KaijiApplication(
            ServerConfig.load(config).withMatchPolicy(dir.resolve("policy.json")),
            Clock.systemUTC())) {
      assertThat(app.matchPolicy().confirmedMinScore()).isEqualTo(14.5);
    }
  }

  @Test
  void withoutAFileTheShippedDefaultsServe() throws Exception {
    Path config = dir.resolve("server.json");
    Files.writeString(
        config,
        """
        {"host": "127.0.0.1", "port": 0, "catalog": "CATALOG", "dataDir": "data"}
        """
            .replace("CATALOG", sampleCatalog().toString().replace("\\", "\\\\")));
    try (KaijiApplication app =
        new KaijiApplication(ServerConfig.load(config), Clock.systemUTC())) {
      assertThat(app.matchPolicy()).isEqualTo(MatchPolicy.defaults());
    }
  }

  @Test
  void aBadFileStopsTheStartNamingFileAndKey() throws Exception {
    Path bad = policy(p -> p.put("confirmedMinScore", "high"));
    ServerConfig config =
        new ServerConfig(
                "127.0.0.1",
                0,
                false,
                java.util.Optional.empty(),
                sampleCatalog(),
                dir.resolve("data"),
                java.util.List.of())
            .withMatchPolicy(bad);
    assertThatThrownBy(() -> new KaijiApplication(config, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("'confirmedMinScore'");
    // The failed start released the data directory: a good policy starts on it at once.
    policy(p -> {});
    try (KaijiApplication app = new KaijiApplication(config, Clock.systemUTC())) {
      assertThat(app.matchPolicy()).isEqualTo(MatchPolicy.defaults());
    }
  }

  @Test
  void eachKindOfMistakeIsNamed() throws Exception {
    assertThatThrownBy(() -> MatchPolicyFile.load(policy(p -> p.put("confirmMinScore", 3))))
        .hasMessageContaining("policy.json")
        .hasMessageContaining("'confirmMinScore'");
    assertThatThrownBy(() -> MatchPolicyFile.load(policy(p -> p.remove("cityFactor"))))
        .hasMessageContaining("policy.json")
        .hasMessageContaining("'cityFactor'");
    assertThatThrownBy(
            () -> MatchPolicyFile.load(policy(p -> ((ObjectNode) p.get("m")).put("phone", "x"))))
        .hasMessageContaining("'m.phone'");
    assertThatThrownBy(
            () -> MatchPolicyFile.load(policy(p -> ((ObjectNode) p.get("prior")).remove("email"))))
        .hasMessageContaining("'email'");
    assertThatThrownBy(() -> MatchPolicyFile.load(policy(p -> p.put("reviewMinScore", 40.0))))
        .hasMessageContaining("policy.json")
        .hasMessageContaining("reviewMinScore 40.0 must not exceed confirmedMinScore");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"m\": ");
    assertThatThrownBy(() -> MatchPolicyFile.load(broken))
        .hasMessageContaining("broken.json")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> MatchPolicyFile.load(dir.resolve("missing.json")))
        .hasMessageContaining("missing.json")
        .hasMessageContaining("cannot be read");
  }
}
