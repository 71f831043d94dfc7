package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;

/**
 * Writes documents into one index with {@code _bulk}. Thread-safe: callers add from several
 * threads; a caller that fills the buffer sends it itself, so a slow cluster slows the readers
 * (back-pressure) and memory stays at about one buffer per writing thread.
 *
 * <p>Every document has an id of its own (its {@code doc_id} and row number), so sending a request
 * again is harmless: a request lost on the way (its node died, no answer) is sent again, as are
 * items refused with 429 (queue full) or 503 (their shard has no primary for a moment after a node
 * loss), after a growing pause. The retries are bounded in time, not only in number: an index that
 * lost every copy of a shard (red) fails at once, and anything still refused after {@link
 * #DEADLINE} fails, so the caller abandons the generation instead of waiting for a node that may
 * never come back. Any other refusal throws at once.
 */
public final class BulkWriter implements AutoCloseable {
  /** Buffer size that triggers a send: a few MB per request is OpenSearch's own advice. */
  static final int MAX_BYTES = 4 << 20;

  static final int MAX_DOCS = 2_000;

  /** How long one batch may keep being refused before the build fails. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  /** How long a shard may wait for its primary per attempt (the bulk API's own timeout). */
  private static final String SHARD_WAIT = "10s";

  private static final System.Logger LOG = System.getLogger(BulkWriter.class.getName());

  private final Cluster cluster;
  private final String index;
  private final int maxBytes;
  private final Duration deadline;
  private List<byte[]> docs = new ArrayList<>();
  private int bytes;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  public BulkWriter(Cluster cluster, String index) {
    this(cluster, index, MAX_BYTES, DEADLINE);
  }

  BulkWriter(Cluster cluster, String index, int maxBytes, Duration deadline) {
    this.cluster = cluster;
    this.index = index;
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  /** Adds one document (the embedded index's Lucene document of a record). */
  public void add(Document doc) throws IOException {
    ObjectNode source = IndexMapping.source(doc);
    byte[] line = action(IndexMapping.id(source), Cluster.bytes(source));
    List<byte[]> full = null;
    synchronized (this) {
      docs.add(line);
      bytes += line.length;
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

  /** Documents sent again (refused with 429/503, or in a request that got no answer). */
  public long retries() {
    return retries.get();
  }

  private void send(List<byte[]> batch) throws IOException {
    List<byte[]> pending = batch;
    long pauseMs = 50;
    long end = System.nanoTime() + deadline.toNanos();
    for (int attempt = 1; ; attempt++) {
      List<byte[]> refused = new ArrayList<>();
      String why;
      try {
        JsonNode answer =
            cluster.ndjson("/" + index + "/_bulk", Map.of("timeout", SHARD_WAIT), body(pending));
        why = refusedItems(answer, pending, refused);
        written.addAndGet(pending.size() - refused.size());
      } catch (Cluster.ClusterException e) {
        if (e.status() != 429 && e.status() < 500) {
          throw e;
        }
        refused = pending;
        why = e.getMessage();
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        // No answer (the node that took the request died): the ids make sending it again safe.
        refused = pending;
        why = e.toString();
      }
      if (refused.isEmpty()) {
        return;
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "bulk into {0}: {1} of {2} documents not written ({3}), attempt {4}",
          index,
          refused.size(),
          pending.size(),
          why,
          attempt);
      if (System.nanoTime() - end >= 0) {
        throw new IOException(
            "bulk into "
                + index
                + ": still not written after "
                + deadline.toSeconds()
                + " s: "
                + why);
      }
      requireAShardCopyEverywhere(why);
      retries.addAndGet(refused.size());
      pending = refused;
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the cluster was busy", e);
      }
      pauseMs = Math.min(2_000, pauseMs * 2);
    }
  }

  /** Collects the items refused for a reason worth another try; throws on any other refusal. */
  private String refusedItems(JsonNode answer, List<byte[]> pending, List<byte[]> refused)
      throws IOException {
    if (!answer.path("errors").asBoolean(false)) {
      return "";
    }
    JsonNode items = answer.path("items");
    String why = "";
    for (int i = 0; i < items.size(); i++) {
      JsonNode r = items.get(i).path("index");
      int status = r.path("status").asInt(200);
      String error =
          r.path("error").path("type").asText() + ": " + r.path("error").path("reason").asText();
      if (status == 429 || status == 503) {
        refused.add(pending.get(i));
        why = status + " " + error;
      } else if (status >= 300) {
        throw new Cluster.ClusterException(
            status, "bulk into " + index + " refused a document: " + error);
      }
    }
    return why;
  }

  /**
   * A shard whose every copy is gone (its primary died before a replica was in sync) takes no
   * writes until that node returns: fail now rather than retry into the deadline. Waits briefly for
   * yellow, as the cluster needs a moment to promote a replica after a node loss.
   */
  private void requireAShardCopyEverywhere(String why) throws IOException {
    try {
      cluster.call(
          "GET",
          "/_cluster/health/" + index,
          Map.of("wait_for_status", "yellow", "timeout", "15s"),
          null);
    } catch (Cluster.ClusterException e) {
      if (e.status() == 408) {
        throw new IOException(
            "bulk into " + index + ": a shard lost every copy (index red), giving up (" + why + ")",
            e);
      }
      // Any other failure of the check: the retry itself will tell.
    } catch (IOException e) {
      // The node asked died too: the retry (on another node) will tell.
    }
  }

  private static byte[] action(String id, byte[] source) {
    ObjectNode meta = Cluster.object();
    meta.putObject("index").put("_id", id);
    ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + id.length() + 24);
    out.writeBytes(Cluster.bytes(meta));
    out.write('\n');
    out.writeBytes(source);
    out.write('\n');
    return out.toByteArray();
  }

  private static byte[] body(List<byte[]> docs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    docs.forEach(out::writeBytes);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
