package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * JSON over the official client's transport (its node list, dead-node skipping, auth and TLS). The
 * requests are the REST API's own JSON, built with Jackson: the mapping is generated from {@link
 * jp.kaiji.schema.IndexSchema} as JSON anyway, and one JSON form per request keeps what goes over
 * the wire readable beside OpenSearch's documentation.
 */
public final class Cluster implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer with an error status. */
  public static final class ClusterException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ClusterException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final OpenSearchClient client;

  public Cluster(OpenSearchClient client) {
    this.client = client;
  }

  public static Cluster connect(OpenSearchSettings settings) {
    return new Cluster(settings.client());
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Sends JSON (or nothing) and reads the JSON answer; an error status throws. */
  public JsonNode call(String method, String path, JsonNode body) throws IOException {
    return call(method, path, Map.of(), body);
  }

  public JsonNode call(String method, String path, Map<String, String> query, JsonNode body)
      throws IOException {
    var b = Requests.builder().method(method).endpoint(path).query(query);
    if (body != null) {
      b.body(Body.from(JSON.writeValueAsBytes(body), "application/json"));
    }
    return send(b.build(), path);
  }

  /** Sends newline-delimited JSON ({@code _bulk}, {@code _msearch}). */
  public JsonNode ndjson(String path, Map<String, String> query, byte[] lines) throws IOException {
    return send(
        Requests.builder()
            .method("POST")
            .endpoint(path)
            .query(query)
            .body(Body.from(lines, "application/x-ndjson"))
            .build(),
        path);
  }

  /** HEAD-like existence check: true for 2xx, false for 404. */
  public boolean exists(String path) throws IOException {
    try (Response r =
        client.generic().execute(Requests.builder().method("HEAD").endpoint(path).build())) {
      if (r.getStatus() == 404) {
        return false;
      }
      if (r.getStatus() >= 300) {
        throw new ClusterException(r.getStatus(), "HEAD " + path + ": " + r.getStatus());
      }
      return true;
    }
  }

  private JsonNode send(org.opensearch.client.opensearch.generic.Request request, String path)
      throws IOException {
    try (Response r = client.generic().execute(request)) {
      byte[] bytes = r.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
      JsonNode json = bytes.length == 0 ? object() : JSON.readTree(bytes);
      if (r.getStatus() >= 300) {
        // The error's type and reason only: a bulk or search body can hold personal data.
        JsonNode error = json.path("error");
        String why =
            error.isObject()
                ? error.path("type").asText() + ": " + error.path("reason").asText()
                : error.asText(r.getReason());
        throw new ClusterException(
            r.getStatus(), request.getMethod() + " " + path + " -> " + r.getStatus() + " " + why);
      }
      return json;
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    client._transport().close();
  }
}
