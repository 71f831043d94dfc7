package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;

/**
 * Writes documents into one index with {@code _bulk}. Thread-safe: callers add from several
 * threads; a caller that fills the buffer sends it itself, so a slow cluster slows the readers
 * (back-pressure) and memory stays at about one buffer per writing thread. A request or item the
 * cluster refuses with 429 (queue full), or an item refused with 503 (its shard has no primary for
 * a moment after a node loss), is sent again after a growing pause; any other failure throws, and
 * the caller abandons the generation.
 */
public final class BulkWriter implements AutoCloseable {
  /** Buffer size that triggers a send: a few MB per request is OpenSearch's own advice. */
  static final int MAX_BYTES = 4 << 20;

  static final int MAX_DOCS = 2_000;
  private static final int ATTEMPTS = 10;
  private static final byte[] CREATE =
      "{\"create\":{}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final Cluster cluster;
  private final String index;
  private final int maxBytes;
  private List<byte[]> docs = new ArrayList<>();
  private int bytes;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  public BulkWriter(Cluster cluster, String index) {
    this(cluster, index, MAX_BYTES);
  }

  BulkWriter(Cluster cluster, String index, int maxBytes) {
    this.cluster = cluster;
    this.index = index;
    this.maxBytes = maxBytes;
  }

  /** Adds one document (the embedded index's Lucene document of a record). */
  public void add(Document doc) throws IOException {
    byte[] line = Cluster.bytes(IndexMapping.source(doc));
    List<byte[]> full = null;
    synchronized (this) {
      docs.add(line);
      bytes += line.length + CREATE.length + 1;
      if (docs.size() >= MAX_DOCS || bytes >= maxBytes) {
        full = docs;
        docs = new ArrayList<>();
        bytes = 0;
      }
    }
    if (full != null) {
      send(full);
    }
  }

  /** Sends what is buffered. */
  public void flush() throws IOException {
    List<byte[]> rest;
    synchronized (this) {
      rest = docs;
      docs = new ArrayList<>();
      bytes = 0;
    }
    if (!rest.isEmpty()) {
      send(rest);
    }
  }

  /** Documents the cluster has accepted. */
  public long written() {
    return written.get();
  }

  /** Requests or items sent again after a 429. */
  public long retries() {
    return retries.get();
  }

  private void send(List<byte[]> batch) throws IOException {
    List<byte[]> pending = batch;
    long pauseMs = 50;
    for (int attempt = 1; ; attempt++) {
      List<byte[]> refused = new ArrayList<>();
      try {
        JsonNode answer =
            cluster.ndjson("/" + index + "/_bulk", Map.of("timeout", "30s"), body(pending));
        if (answer.path("errors").asBoolean(false)) {
          JsonNode items = answer.path("items");
          for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i).path("create");
            int status = r.path("status").asInt(200);
            // Refused before it was written (queue full, shard moving after a node loss): safe
            // to send again, unlike a whole request lost on the way, which fails the build.
            if (status == 429 || status == 503) {
              refused.add(pending.get(i));
            } else if (status >= 300) {
              throw new Cluster.ClusterException(
                  status,
                  "bulk into "
                      + index
                      + " refused a document: "
                      + r.path("error").path("type").asText()
                      + ": "
                      + r.path("error").path("reason").asText());
            }
          }
        }
        written.addAndGet(pending.size() - refused.size());
      } catch (Cluster.ClusterException e) {
        if (e.status() != 429) {
          throw e;
        }
        refused = pending;
      }
      if (refused.isEmpty()) {
        return;
      }
      if (attempt == ATTEMPTS) {
        throw new IOException(
            "bulk into " + index + ": still refused (429) after " + ATTEMPTS + " attempts");
      }
      retries.addAndGet(refused.size());
      pending = refused;
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the cluster was busy", e);
      }
      pauseMs = Math.min(5_000, pauseMs * 2);
    }
  }

  private static byte[] body(List<byte[]> docs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] d : docs) {
      out.writeBytes(CREATE);
      out.writeBytes(d);
      out.write('\n');
    }
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
