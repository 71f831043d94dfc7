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

  /**
   * A read (search, count, alias lookup), sent again on a 5xx or a lost connection: reads are
   * idempotent, and a node lost between a search's phases fails that search on the node that
   * coordinated it ({@code node_not_connected_exception}) until the cluster has dropped the node.
   */
  public JsonNode read(String path, Map<String, String> query, JsonNode body) throws IOException {
    long pauseMs = 100;
    for (int attempt = 1; ; attempt++) {
      try {
        return call(body == null ? "GET" : "POST", path, query, body);
      } catch (IOException e) {
        int status = e instanceof ClusterException c ? c.status() : 500;
        if (status < 500 || attempt == READ_ATTEMPTS) {
          throw e;
        }
      }
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      pauseMs *= 2;
    }
  }

  /**
   * A search's parameter that makes a shard that failed fail the search: by default the cluster
   * answers 200 without that shard's hits, and a disclosure search or a count check that silently
   * misses a shard's records is worse than a retry.
   */
  public static final Map<String, String> WHOLE_RESULTS =
      Map.of("allow_partial_search_results", "false");

  private static final int READ_ATTEMPTS = 5;
  private static final long REQUEST_TIMEOUT_SECONDS = 120;

  private JsonNode send(org.opensearch.client.opensearch.generic.Request request, String path)
      throws IOException {
    try (Response r = execute(request)) {
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

  // The transport throws for some statuses itself (5xx after trying every node): one form for all.
  private Response execute(org.opensearch.client.opensearch.generic.Request request)
      throws IOException {
    // Our own deadline: a request taken by a node that then died (kill -9) was seen to wait
    // forever despite the client's response timeout.
    var pending = client.generic().executeAsync(request);
    try {
      return pending.get(REQUEST_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof org.opensearch.client.transport.httpclient5.ResponseException r) {
        throw new ClusterException(
            r.status(), request.getMethod() + " " + request.getEndpoint() + " -> " + r.status());
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new IOException(
          request.getMethod()
              + " "
              + request.getEndpoint()
              + ": no answer in "
              + REQUEST_TIMEOUT_SECONDS
              + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
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
