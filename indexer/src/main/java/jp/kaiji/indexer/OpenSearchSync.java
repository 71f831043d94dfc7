package jp.kaiji.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.source.SourceReader;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.opensearch.BulkWriter;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.schema.IndexSchema;

/**
 * {@link SourceSync} on a cluster: changes the serving generation's index in place, through the
 * rebuild's own reading and bulk path. Refreshes are held while a source is replaced, so searches
 * see its old records until its new ones are all written, as the embedded index's single commit
 * does.
 */
public final class OpenSearchSync {
  private final CatalogFile catalog;
  private final OpenSearchGenerations generations;
  private final SourceReaders readers;
  private final Path quarantineRoot;

  public OpenSearchSync(CatalogFile catalog, OpenSearchGenerations generations, Path dataDir) {
    this.catalog = catalog;
    this.generations = generations;
    this.readers = SourceReaders.of(catalog);
    this.quarantineRoot = dataDir.resolve("opensearch").resolve("sync");
  }

  /** Deletes every record of the source and reads it again; returns its new counts. */
  public SourceStats resync(String sourceId) throws IOException {
    SourceDefinition source = source(sourceId);
    String index = current();
    Cluster cluster = generations.cluster();
    java.nio.file.Files.createDirectories(quarantineRoot.resolve("quarantine"));
    generations.addMissingFields(index);
    refreshInterval(index, "-1");
    try {
      deleteWhere(index, term(IndexSchema.SOURCE_ID, sourceId));
      SourceStats read;
      try (BulkWriter writer = new BulkWriter(cluster, index);
          SourceReader reader = readers.open(source);
          QuarantineLog quarantine =
              new QuarantineLog(QuarantineLog.fileOf(quarantineRoot, sourceId))) {
        read =
            new SourceIndexer(null, 1, () -> false)
                .index(source, reader, writer::add, quarantine, new SourceProgress(sourceId));
      }
      cluster.call("POST", "/" + index + "/_refresh", null);
      long docs = generations.count(index, sourceId);
      if (docs != read.indexed()) {
        throw new IOException(
            "sync of '" + sourceId + "': " + docs + " documents, " + read.indexed() + " read");
      }
      return read;
    } finally {
      refreshInterval(index, null);
    }
  }

  /** Deletes records by primary key; unknown keys are ignored. Returns the source's count. */
  public long delete(String sourceId, Collection<String> primaryKeys) throws IOException {
    source(sourceId);
    String index = current();
    ObjectNode terms = Cluster.object();
    ArrayNode ids = terms.putObject("terms").putArray(IndexSchema.DOC_ID);
    primaryKeys.forEach(pk -> ids.add(IndexSchema.docId(sourceId, pk.strip())));
    deleteWhere(index, terms);
    generations.cluster().call("POST", "/" + index + "/_refresh", null);
    return generations.count(index, sourceId);
  }

  /**
   * The stored original of each key in the serving index, as the embedded {@code
   * GenerationPurge.originals} answers it: empty for a key it does not hold.
   */
  public Map<String, Optional<String>> originals(String sourceId, Collection<String> keys)
      throws IOException {
    String index = current();
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    for (String key : keys) {
      ObjectNode body = Cluster.object();
      body.put("size", 1);
      body.putObject("query")
          .putObject("term")
          .put(IndexSchema.DOC_ID, IndexSchema.docId(sourceId, key));
      JsonNode hits = generations.cluster().read("/" + index + "/_search", Map.of(), body);
      JsonNode hit = hits.path("hits").path("hits").path(0);
      out.put(
          key,
          hit.isMissingNode()
              ? Optional.empty()
              : Optional.of(hit.path("_source").path(IndexSchema.ORIGINAL).asText()));
    }
    return out;
  }

  /**
   * Removes records from every generation index (the kept previous one too, which a rollback would
   * bring back), then asks each to merge away its deleted documents. A cluster keeps deleted
   * documents in its segment files as soft deletes while its replicas' retention leases may still
   * need them for recovery; they go at a later merge. So the answer says, per index, how many live
   * copies of the keys are left (must be 0) and how many deleted documents the index still keeps
   * (all of them, not only these keys': the cluster cannot count them per key).
   */
  public List<Purged> purge(Map<String, ? extends Collection<String>> keysBySource)
      throws IOException {
    Cluster cluster = generations.cluster();
    ObjectNode terms = Cluster.object();
    ArrayNode ids = terms.putObject("terms").putArray(IndexSchema.DOC_ID);
    keysBySource.forEach((src, keys) -> keys.forEach(k -> ids.add(IndexSchema.docId(src, k))));
    List<Purged> out = new ArrayList<>();
    for (String index : generations.list()) {
      ObjectNode body = Cluster.object();
      body.set("query", terms);
      long removed =
          cluster
              .call(
                  "POST",
                  "/" + index + "/_delete_by_query",
                  Map.of("conflicts", "proceed", "refresh", "true"),
                  body)
              .path("deleted")
              .asLong();
      cluster.call(
          "POST", "/" + index + "/_forcemerge", Map.of("only_expunge_deletes", "true"), null);
      cluster.call("POST", "/" + index + "/_refresh", null);
      long live = cluster.read("/" + index + "/_count", Map.of(), body).path("count").asLong();
      long deleted =
          cluster
              .read("/" + index + "/_stats/docs", Map.of(), null)
              .path("_all")
              .path("primaries")
              .path("docs")
              .path("deleted")
              .asLong();
      out.add(new Purged(index, removed, live, deleted));
    }
    return out;
  }

  /**
   * What {@link #purge} did to one index.
   *
   * @param live live documents of the keys left (0 unless a write raced the erasure)
   * @param deletedKept deleted documents the index's files still hold, of any key
   */
  public record Purged(String index, long removed, long live, long deletedKept) {}

  private void deleteWhere(String index, ObjectNode query) throws IOException {
    ObjectNode body = Cluster.object();
    body.set("query", query);
    generations
        .cluster()
        .call(
            "POST",
            "/" + index + "/_delete_by_query",
            Map.of("conflicts", "proceed", "refresh", "false"),
            body);
  }

  private void refreshInterval(String index, String value) throws IOException {
    ObjectNode body = Cluster.object();
    if (value == null) {
      body.putObject("index").putNull("refresh_interval");
    } else {
      body.putObject("index").put("refresh_interval", value);
    }
    generations.cluster().call("PUT", "/" + index + "/_settings", body);
  }

  private static ObjectNode term(String field, String value) {
    ObjectNode q = Cluster.object();
    q.putObject("term").put(field, value);
    return q;
  }

  private String current() throws IOException {
    return generations
        .current()
        .orElseThrow(() -> new IOException("the alias names no index; run rebuild first"));
  }

  private SourceDefinition source(String id) {
    return catalog
        .source(id)
        .orElseThrow(() -> new IllegalArgumentException("no source '" + id + "' in the catalogue"));
  }
}
