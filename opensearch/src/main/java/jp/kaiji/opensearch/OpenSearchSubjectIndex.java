package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.lucene.LuceneSubjectIndex;
import jp.kaiji.match.lucene.StoredRecords;
import jp.kaiji.schema.IndexSchema;

/**
 * The {@link SubjectIndex} on an OpenSearch cluster. A snapshot is pinned to the index the alias
 * named when it was acquired, so every lookup of one request reads one generation even while a
 * rebuild moves the alias (the previous generation is kept, see {@link OpenSearchGenerations}). The
 * alias is looked up at most once a second, on the searching thread.
 *
 * <p>Retrieval asks what the embedded index asks, with the same weights: each exact key a constant
 * score of {@code log(1 + docCount/docFreq)}, each fuzzy key an edit-distance-1 fuzzy query with
 * prefix 1 and 10 expansions. The statistics are counts of live documents (equal to the embedded
 * index's on a generation without deletions); one request answers all of a search's statistics and
 * one request its candidates, and both are remembered for the snapshot.
 */
public final class OpenSearchSubjectIndex implements SubjectIndex, AutoCloseable {
  private static final long POLL_NANOS = 1_000_000_000L;
  private static final int FUZZY_EXPANSIONS = 10;

  private record Serving(String index, Generation generation, Map<String, Long> sources) {}

  private final Cluster cluster;
  private final String alias;
  private final AtomicLong nextPoll = new AtomicLong(System.nanoTime());
  private volatile Optional<Serving> serving = Optional.empty();

  public OpenSearchSubjectIndex(Cluster cluster, String alias) {
    this.cluster = cluster;
    this.alias = alias;
  }

  @Override
  public Optional<Snapshot> acquire() {
    long now = System.nanoTime();
    long due = nextPoll.get();
    if (now - due >= 0 && nextPoll.compareAndSet(due, now + POLL_NANOS)) {
      try {
        serving = follow();
      } catch (IOException e) {
        // Serve the known generation while the cluster answers searches but not the alias call.
        if (serving.isEmpty()) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return serving.map(Snap::new);
  }

  /**
   * What serves, in the embedded index's health form: {@code ok} with the alias's index as the
   * current generation, {@code no-index} before the first build or while the cluster is
   * unreachable.
   */
  public LuceneSubjectIndex.Health health() {
    try {
      acquire();
    } catch (RuntimeException e) {
      return new LuceneSubjectIndex.Health(
          "no-index",
          Optional.empty(),
          Optional.empty(),
          List.of("OpenSearch unreachable: " + e.getMessage()));
    }
    return serving
        .map(
            s ->
                new LuceneSubjectIndex.Health(
                    "ok", Optional.empty(), Optional.of(s.index()), List.of()))
        .orElseGet(
            () ->
                new LuceneSubjectIndex.Health(
                    "no-index",
                    Optional.empty(),
                    Optional.empty(),
                    List.of("alias " + alias + " names no index yet: run a rebuild")));
  }

  /** Forgets what it knew, so the next acquire reads the alias (after a switch in this process). */
  public void refresh() {
    nextPoll.set(System.nanoTime());
  }

  private Optional<Serving> follow() throws IOException {
    if (!cluster.exists("/_alias/" + alias)) {
      return Optional.empty();
    }
    JsonNode a = cluster.read("/_alias/" + alias, Map.of(), null);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    String index = a.fieldNames().next();
    Optional<Serving> known = serving;
    if (known.isPresent() && known.get().index().equals(index)) {
      return known;
    }
    JsonNode meta =
        cluster
            .call("GET", "/" + index + "/_mapping", null)
            .path(index)
            .path("mappings")
            .path("_meta");
    Map<String, Long> sources = new LinkedHashMap<>();
    meta.path("sources").properties().forEach(e -> sources.put(e.getKey(), e.getValue().asLong()));
    return Optional.of(
        new Serving(
            index,
            new Generation(
                meta.path("generation").asText(index),
                Instant.parse(meta.path("built_at").asText(Instant.EPOCH.toString()))),
            sources));
  }

  @Override
  public void close() throws IOException {
    cluster.close();
  }

  private final class Snap implements Snapshot {
    private final Serving s;
    private final String search;
    private final Map<SubjectIndex.KeyTerm, Long> docFreqs = new ConcurrentHashMap<>();
    private final Map<String, IndexedRecord> records = new ConcurrentHashMap<>();
    private volatile long docCount = -1;

    Snap(Serving s) {
      this.s = s;
      this.search = "/" + s.index() + "/_search";
    }

    @Override
    public Generation generation() {
      return s.generation();
    }

    @Override
    public List<IndexedRecord> find(CandidateQuery query, int limit) {
      if (query.isEmpty()) {
        return List.of();
      }
      // Every key that scores by its rarity: the exact keys, the birth dates and common names.
      List<SubjectIndex.KeyTerm> weighed = new ArrayList<>(query.exact());
      query
          .pairing()
          .ifPresent(
              p -> {
                weighed.addAll(p.birthDates());
                weighed.addAll(p.commonNames());
              });
      statistics(weighed);
      // The same clauses as the embedded index's (SubjectIndex.CandidateQuery#clauses).
      List<ObjectNode> clauses = query.clauses(queries);
      return clauses.isEmpty() ? List.of() : hits(any(clauses), limit, true);
    }

    /** A constant-score clause weighted by the key's rarity; empty when no record holds it. */
    private Optional<ObjectNode> rarity(SubjectIndex.KeyTerm t) {
      long df = docFreqs.get(t);
      if (df == 0) {
        return Optional.empty();
      }
      ObjectNode c = Cluster.object();
      ObjectNode cs = c.putObject("constant_score");
      cs.putObject("filter").putObject("term").put(t.field(), t.value());
      cs.put("boost", (float) Math.log(1.0 + (double) docCount / df));
      return Optional.of(c);
    }

    private static ObjectNode term(SubjectIndex.KeyTerm t) {
      ObjectNode c = Cluster.object();
      c.putObject("term").put(t.field(), t.value());
      return c;
    }

    private static ObjectNode fuzzy(SubjectIndex.KeyTerm t) {
      ObjectNode f = Cluster.object();
      f.putObject("fuzzy")
          .putObject(t.field())
          .put("value", t.value())
          .put("fuzziness", 1)
          .put("prefix_length", 1)
          .put("max_expansions", FUZZY_EXPANSIONS)
          .put("transpositions", true);
      return f;
    }

    // The parts of a candidate query as OpenSearch query JSON.
    private final SubjectIndex.Clauses<ObjectNode> queries =
        new SubjectIndex.Clauses<>() {
          @Override
          public Optional<ObjectNode> rarity(SubjectIndex.KeyTerm t) {
            return Snap.this.rarity(t);
          }

          @Override
          public ObjectNode fuzzy(SubjectIndex.KeyTerm t) {
            return Snap.fuzzy(t);
          }

          @Override
          public ObjectNode term(SubjectIndex.KeyTerm t) {
            return Snap.term(t);
          }

          @Override
          public ObjectNode any(List<ObjectNode> clauses) {
            return Snap.any(clauses);
          }

          @Override
          public ObjectNode both(ObjectNode scored, ObjectNode paired) {
            return Snap.both(scored, paired);
          }
        };

    /**
     * Any of the clauses; an empty list matches nothing (a bool without clauses would match all).
     */
    private static ObjectNode any(List<ObjectNode> clauses) {
      ObjectNode q = Cluster.object();
      if (clauses.isEmpty()) {
        q.putObject("match_none");
        return q;
      }
      ArrayNode should = q.putObject("bool").putArray("should");
      clauses.forEach(should::add);
      return q;
    }

    /** {@code scored}, where {@code paired} matches too. */
    private static ObjectNode both(ObjectNode scored, ObjectNode paired) {
      ObjectNode q = Cluster.object();
      ObjectNode bool = q.putObject("bool");
      bool.putArray("must").add(scored);
      bool.putArray("filter").add(paired);
      return q;
    }

    /** One request for every unknown docFreq of {@code terms} (and the doc count). */
    private void statistics(List<SubjectIndex.KeyTerm> terms) {
      List<SubjectIndex.KeyTerm> unknown =
          terms.stream().filter(t -> !docFreqs.containsKey(t)).distinct().toList();
      if (unknown.isEmpty() && docCount >= 0) {
        return;
      }
      ObjectNode body = Cluster.object();
      body.put("size", 0);
      body.put("track_total_hits", true);
      if (!unknown.isEmpty()) {
        ObjectNode filters =
            body.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
        for (int i = 0; i < unknown.size(); i++) {
          filters
              .putObject(Integer.toString(i))
              .putObject("term")
              .put(unknown.get(i).field(), unknown.get(i).value());
        }
      }
      JsonNode r = call(search, body, false);
      docCount = r.path("hits").path("total").path("value").asLong();
      JsonNode buckets = r.path("aggregations").path("df").path("buckets");
      for (int i = 0; i < unknown.size(); i++) {
        docFreqs.put(unknown.get(i), buckets.path(Integer.toString(i)).path("doc_count").asLong());
      }
    }

    @Override
    public Optional<IndexedRecord> get(String sourceId, String primaryKey) {
      ObjectNode q = Cluster.object();
      q.putObject("term").put(IndexSchema.DOC_ID, IndexSchema.docId(sourceId, primaryKey));
      return hits(q, 1, false).stream().findFirst();
    }

    @Override
    public List<IndexedRecord> referencing(String docId, int limit) {
      ObjectNode q = Cluster.object();
      q.putObject("term").put(IndexSchema.REF, docId);
      return hits(q, limit, false);
    }

    @Override
    public Map<String, Long> recordsPerSource() {
      Set<String> sources = new LinkedHashSet<>(s.sources().keySet());
      Map<String, Long> counted;
      try {
        counted = OpenSearchGenerations.countsPerSource(cluster, s.index(), 1000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sources.addAll(counted.keySet());
      Map<String, Long> out = new LinkedHashMap<>();
      sources.forEach(src -> out.put(src, counted.getOrDefault(src, 0L)));
      return out;
    }

    @Override
    public long docFreq(String field, String value) {
      SubjectIndex.KeyTerm t = new SubjectIndex.KeyTerm(field, value);
      statistics(List.of(t));
      return docFreqs.get(t);
    }

    @Override
    public long docCount() {
      statistics(List.of());
      return docCount;
    }

    private List<IndexedRecord> hits(ObjectNode query, int limit, boolean scored) {
      ObjectNode body = Cluster.object();
      body.put("size", Math.max(1, limit));
      body.set("query", query);
      JsonNode r = call(search, body, scored);
      List<IndexedRecord> out = new ArrayList<>();
      for (JsonNode h : r.path("hits").path("hits")) {
        JsonNode src = h.path("_source");
        String docId = src.path(IndexSchema.DOC_ID).asText();
        IndexedRecord rec = records.get(docId + "#" + h.path("_id").asText());
        if (rec == null) {
          rec = StoredRecords.toRecord(IndexMapping.stored(src));
          records.put(docId + "#" + h.path("_id").asText(), rec);
        }
        out.add(rec);
      }
      return out;
    }

    private static final Map<String, String> SCORED =
        Map.of("allow_partial_search_results", "false", "search_type", "dfs_query_then_fetch");

    // Scored searches gather the term statistics of every shard first, so a fuzzy query scores
    // as on one index. A search is a read: sent again when a node dies between its phases, and
    // never answered without a failed shard's hits (Cluster.WHOLE_RESULTS).
    private JsonNode call(String path, ObjectNode body, boolean scored) {
      try {
        return cluster.read(path, scored ? SCORED : Cluster.WHOLE_RESULTS, body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {}
  }
}
