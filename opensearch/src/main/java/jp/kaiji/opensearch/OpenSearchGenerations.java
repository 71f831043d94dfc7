package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generations on a cluster: each is one index {@code alias-g<time>}; the alias names the serving
 * one. A rebuild writes a new index nobody reads ({@link #begin}), {@link #publish} checks its
 * counts per source and then moves the alias in one atomic {@code _aliases} call, keeping the
 * previous index for {@link #rollback}; older ones are deleted. A failed build is {@link
 * #discard}ed and the alias never moved.
 */
public final class OpenSearchGenerations {
  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("'g'yyyyMMdd'-'HHmmssSSS", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Generations kept: the serving one and the one before it (rollback). */
  static final int KEEP = 2;

  /** How long a new generation's index may take to start every shard copy. */
  static final java.time.Duration CREATE_WAIT = java.time.Duration.ofSeconds(30);

  /** How long a finished generation may wait for its replicas before the rebuild fails. */
  static final java.time.Duration GREEN_WAIT = java.time.Duration.ofSeconds(90);

  private final Cluster cluster;
  private final OpenSearchSettings settings;

  public OpenSearchGenerations(Cluster cluster, OpenSearchSettings settings) {
    this.cluster = cluster;
    this.settings = settings;
  }

  /** A generation being written: its index exists, the alias does not point at it. */
  public record Pending(String id, String index, Instant started) {}

  public Cluster cluster() {
    return cluster;
  }

  public OpenSearchSettings settings() {
    return settings;
  }

  /**
   * Creates the next generation's index with the generated mapping, and waits until every copy of
   * every shard has started, so that a primary lost later has an in-sync replica to take over from.
   * A node lost while the index was being created can leave a shard with no copy at all (red): that
   * index is deleted and created once more on the nodes that are left.
   */
  public Pending begin() throws IOException {
    for (int attempt = 1; ; attempt++) {
      Instant now = Instant.now();
      String id = ID.format(now);
      String index = settings.alias() + "-" + id;
      ObjectNode body = Cluster.object();
      body.set("settings", IndexMapping.buildSettings(settings.shards(), settings.replicas()));
      body.set("mappings", IndexMapping.mappings());
      JsonNode created =
          cluster.call(
              "PUT",
              "/" + index,
              Map.of("wait_for_active_shards", "all", "timeout", CREATE_WAIT.toSeconds() + "s"),
              body);
      Pending p = new Pending(id, index, now);
      if (created.path("shards_acknowledged").asBoolean(false)) {
        return p;
      }
      discard(p);
      if (attempt == 2) {
        throw new IOException(
            index
                + ": not every shard copy started within "
                + CREATE_WAIT.toSeconds()
                + " s, twice (too few data nodes for "
                + settings.replicas()
                + " replicas, or nodes lost); nothing was written, the alias was not moved");
      }
    }
  }

  /** A writer into the pending generation. */
  public BulkWriter writer(Pending p) {
    return new BulkWriter(cluster, p.index());
  }

  /**
   * Checks that every source has exactly {@code expected} documents, records the sources in the
   * index's {@code _meta}, waits until every replica is assigned, then moves the alias.
   *
   * @throws IOException when a count differs (the alias stays where it was)
   */
  public void publish(Pending p, Map<String, Long> expected) throws IOException {
    cluster.call("POST", "/" + p.index() + "/_refresh", null);
    Map<String, Long> actual = countsPerSource(cluster, p.index(), expected.size() + 10);
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      long docs = actual.getOrDefault(e.getKey(), 0L);
      if (docs != e.getValue()) {
        throw new IOException(
            "check failed for source '"
                + e.getKey()
                + "' in "
                + p.index()
                + ": "
                + docs
                + " documents, expected "
                + e.getValue());
      }
    }
    ObjectNode meta = Cluster.object();
    ObjectNode m = meta.putObject("_meta");
    m.put("generation", p.id());
    m.put("built_at", Instant.now().toString());
    ObjectNode sources = m.putObject("sources");
    expected.forEach(sources::put);
    cluster.call("PUT", "/" + p.index() + "/_mapping", meta);
    ObjectNode live = Cluster.object();
    live.putObject("index").putNull("refresh_interval");
    cluster.call("PUT", "/" + p.index() + "/_settings", live);
    awaitCopies(p.index());
    switchTo(p.index());
    // Serving now: a node that restarts gets its copies back before they are rebuilt elsewhere.
    ObjectNode delay = Cluster.object();
    delay.putObject("index").putNull("unassigned.node_left.delayed_timeout");
    cluster.call("PUT", "/" + p.index() + "/_settings", delay);
    prune(p.index());
  }

  /**
   * Waits, at most {@link #GREEN_WAIT}, until every replica is assigned and started; a node lost
   * during the build has its copies rebuilt on the others first (the pending index does not wait
   * for the node to come back, see {@link IndexMapping#buildSettings}).
   */
  private void awaitCopies(String index) throws IOException {
    try {
      cluster.call(
          "GET",
          "/_cluster/health/" + index,
          Map.of(
              "wait_for_status",
              settings.replicas() > 0 ? "green" : "yellow",
              "timeout",
              GREEN_WAIT.toSeconds() + "s"),
          null);
    } catch (Cluster.ClusterException e) {
      if (e.status() != 408) {
        throw e;
      }
      throw new IOException(
          index
              + ": not every shard copy started within "
              + GREEN_WAIT.toSeconds()
              + " s (a node lost, or too few nodes for "
              + settings.replicas()
              + " replicas); the alias was not moved",
          e);
    }
  }

  /** Deletes a generation that will not serve. */
  public void discard(Pending p) throws IOException {
    try {
      cluster.call("DELETE", "/" + p.index(), null);
    } catch (Cluster.ClusterException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /** Serves the kept generation before the current one again. */
  public String rollback() throws IOException {
    Optional<String> current = current();
    List<String> kept = list();
    String previous = null;
    for (String index : kept) {
      if (current.isPresent() && index.compareTo(current.get()) < 0) {
        previous = index;
      }
    }
    if (previous == null) {
      throw new IOException("no kept generation older than " + current.orElse("none"));
    }
    switchTo(previous);
    return previous;
  }

  /**
   * Adds to {@code index}'s mapping the fields of this version's mapping that it lacks, so that a
   * sync into a generation an earlier version built is not refused by its strict mapping. A field
   * whose kind changed keeps its old kind: the documents still fit it.
   *
   * @return the names of the fields added
   */
  public List<String> addMissingFields(String index) throws IOException {
    JsonNode have =
        cluster
            .call("GET", "/" + index + "/_mapping", null)
            .path(index)
            .path("mappings")
            .path("properties");
    ObjectNode missing = Cluster.object();
    IndexMapping.mappings()
        .path("properties")
        .properties()
        .forEach(
            f -> {
              if (!have.has(f.getKey())) {
                missing.set(f.getKey(), f.getValue());
              }
            });
    if (!missing.isEmpty()) {
      ObjectNode body = Cluster.object();
      body.set("properties", missing);
      cluster.call("PUT", "/" + index + "/_mapping", body);
    }
    List<String> added = new ArrayList<>();
    missing.fieldNames().forEachRemaining(added::add);
    return added;
  }

  /** The index the alias names. */
  public Optional<String> current() throws IOException {
    if (!cluster.exists("/_alias/" + settings.alias())) {
      return Optional.empty();
    }
    JsonNode a = cluster.call("GET", "/_alias/" + settings.alias(), null);
    return a.isEmpty() ? Optional.empty() : Optional.of(a.fieldNames().next());
  }

  /**
   * A published generation, as its index's {@code _meta} records it.
   *
   * @param sources documents per source when it was published (a sync may change them since)
   */
  public record Published(
      String index, String generation, String builtAt, Map<String, Long> sources) {}

  /** Every published generation, oldest first (a build still running has no {@code _meta}). */
  public List<Published> published() throws IOException {
    JsonNode all = cluster.call("GET", "/" + settings.alias() + "-g*/_mapping", null);
    List<Published> out = new ArrayList<>();
    all.properties()
        .forEach(
            e -> {
              JsonNode meta = e.getValue().path("mappings").path("_meta");
              if (meta.has("built_at")) {
                Map<String, Long> sources = new LinkedHashMap<>();
                meta.path("sources")
                    .properties()
                    .forEach(s -> sources.put(s.getKey(), s.getValue().asLong()));
                out.add(
                    new Published(
                        e.getKey(),
                        meta.path("generation").asText(),
                        meta.path("built_at").asText(),
                        sources));
              }
            });
    out.sort(java.util.Comparator.comparing(Published::index));
    return out;
  }

  /** Every generation's index, oldest first. */
  public List<String> list() throws IOException {
    JsonNode all =
        cluster.call(
            "GET",
            "/_cat/indices/" + settings.alias() + "-g*",
            Map.of("format", "json", "h", "index"),
            null);
    List<String> out = new ArrayList<>();
    all.forEach(i -> out.add(i.path("index").asText()));
    out.sort(null);
    return out;
  }

  private void switchTo(String index) throws IOException {
    ObjectNode body = Cluster.object();
    ArrayNode actions = body.putArray("actions");
    Optional<String> old = current();
    old.ifPresent(
        o ->
            actions.addObject().putObject("remove").put("index", o).put("alias", settings.alias()));
    actions.addObject().putObject("add").put("index", index).put("alias", settings.alias());
    cluster.call("POST", "/_aliases", body);
  }

  /** Deletes generations older than the kept ones (a build still running is newer: it stays). */
  private void prune(String published) throws IOException {
    List<String> kept = list().stream().filter(i -> i.compareTo(published) <= 0).toList();
    for (int i = 0; i < kept.size() - KEEP; i++) {
      cluster.call("DELETE", "/" + kept.get(i), null);
    }
  }

  /** Documents of one source in an index. */
  public long count(String index, String sourceId) throws IOException {
    ObjectNode q = Cluster.object();
    q.putObject("query").putObject("term").put(jp.kaiji.schema.IndexSchema.SOURCE_ID, sourceId);
    return cluster.read("/" + index + "/_count", Map.of(), q).path("count").asLong();
  }

  /** Documents per source in an index. */
  static Map<String, Long> countsPerSource(Cluster cluster, String index, int sources)
      throws IOException {
    ObjectNode q = Cluster.object();
    q.put("size", 0);
    q.putObject("aggs")
        .putObject("s")
        .putObject("terms")
        .put("field", jp.kaiji.schema.IndexSchema.SOURCE_ID)
        .put("size", Math.max(10, sources));
    JsonNode r = cluster.read("/" + index + "/_search", Cluster.WHOLE_RESULTS, q);
    Map<String, Long> out = new LinkedHashMap<>();
    r.path("aggregations")
        .path("s")
        .path("buckets")
        .forEach(b -> out.put(b.path("key").asText(), b.path("doc_count").asLong()));
    return out;
  }
}
