package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the index lives, as the server's and the indexer's configuration say it: {@code "index":
 * {"kind": "opensearch", "hosts": ["https://os1:9200"], "alias": "kaiji-records", "shards": 1,
 * "replicas": 1}}. Absent or {@code "kind": "embedded"}: the embedded Lucene index in the data
 * directory (the default). Credentials and TLS trust are never here: see {@link
 * OpenSearchSettings}.
 *
 * @param kind {@code embedded} or {@code opensearch}
 * @param hosts the cluster's HTTP addresses (opensearch only)
 * @param alias the alias searches read (default {@code kaiji-records})
 * @param shards primary shards of each generation (default 1)
 * @param replicas replicas of each shard (default 1)
 */
public record IndexConfig(
    String kind,
    List<URI> hosts,
    Optional<String> alias,
    Optional<Integer> shards,
    Optional<Integer> replicas) {

  public static final IndexConfig EMBEDDED =
      new IndexConfig("embedded", List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public IndexConfig {
    kind = kind == null ? "embedded" : kind;
    if (!kind.equals("embedded") && !kind.equals("opensearch")) {
      throw new IllegalArgumentException(
          "index.kind must be embedded or opensearch, got '" + kind + "'");
    }
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    alias = alias == null ? Optional.empty() : alias;
    shards = shards == null ? Optional.empty() : shards;
    replicas = replicas == null ? Optional.empty() : replicas;
    if (kind.equals("opensearch") && hosts.isEmpty()) {
      throw new IllegalArgumentException("index.kind opensearch needs index.hosts");
    }
  }

  public boolean isOpenSearch() {
    return kind.equals("opensearch");
  }

  /** The cluster settings, secrets from {@code env}. */
  public OpenSearchSettings settings(Map<String, String> env) {
    return new OpenSearchSettings(
        hosts,
        alias.orElse(OpenSearchSettings.DEFAULT_ALIAS),
        shards.orElse(1),
        replicas.orElse(1),
        env);
  }

  /** The {@code index} object of a JSON configuration file (the server's), or embedded. */
  public static IndexConfig load(Path file) throws IOException {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    JsonNode index = json.readTree(file.toFile()).get("index");
    return index == null || index.isNull() ? EMBEDDED : json.treeToValue(index, IndexConfig.class);
  }
}
