package jp.kaiji.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one narrow interface between the matcher and its index. Embedded Lucene is the default
 * implementation; a distributed engine can stand behind it instead without the matcher changing.
 *
 * <p>A search works on one {@link Snapshot}, so that every lookup of one request sees the same
 * index generation even while a rebuild switches generations:
 *
 * <pre>{@code
 * try (SubjectIndex.Snapshot snapshot = index.acquire()) {
 *   List<IndexedRecord> candidates = snapshot.find(query, 300);
 * }
 * }</pre>
 */
public interface SubjectIndex {

  /** The current generation's snapshot; release it by closing. Empty before the first build. */
  Optional<Snapshot> acquire();

  /** A consistent view of one index generation. */
  interface Snapshot extends AutoCloseable, TermStatistics {
    /** Which generation this is and when it was built: the proof of what a search covered. */
    Generation generation();

    /**
     * Records holding any of the exact keys or within one edit of a fuzzy key; at most {@code
     * limit}.
     */
    List<IndexedRecord> find(CandidateQuery query, int limit);

    /** One record by source and primary key. */
    Optional<IndexedRecord> get(String sourceId, String primaryKey);

    /** Records whose foreign key points at {@code docId} ({@code sourceId/primaryKey}). */
    List<IndexedRecord> referencing(String docId, int limit);

    /** How many records each source has in this generation (zero included for empty sources). */
    Map<String, Long> recordsPerSource();

    @Override
    void close();
  }

  /** An index generation's identity. */
  record Generation(String id, Instant builtAt) {}

  /** What to retrieve candidates by: exact keys and fuzzy keys, each naming its index field. */
  record CandidateQuery(List<KeyTerm> exact, List<KeyTerm> fuzzy) {
    public CandidateQuery {
      exact = List.copyOf(exact);
      fuzzy = List.copyOf(fuzzy);
    }

    public boolean isEmpty() {
      return exact.isEmpty() && fuzzy.isEmpty();
    }

    /** The terms of this query that {@code other} does not have. */
    public CandidateQuery minus(CandidateQuery other) {
      return new CandidateQuery(
          exact.stream().filter(t -> !other.exact.contains(t)).toList(),
          fuzzy.stream().filter(t -> !other.fuzzy.contains(t)).toList());
    }
  }

  /** A field and a key, e.g. {@code phone_e164 = +819012345678}. */
  record KeyTerm(String field, String value) {}
}
