package jp.kaiji.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kaiji.schema.IndexSchema;

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

  /**
   * What to retrieve candidates by, each key naming its index field. Without a {@link Pairing},
   * every exact key and every fuzzy key (its one-edit neighbours) retrieves a record alone. With
   * one, the exact keys still do, but the birth date and the fuzzy keys are shared by hundreds of
   * persons in a large index: they retrieve a record only paired with a second, independent key
   * (see {@link Pairing}). Scoring is the same either way: the exact keys, the birth dates and the
   * fuzzy keys each add their weight; the pairing's name parts and places only admit.
   */
  record CandidateQuery(List<KeyTerm> exact, List<KeyTerm> fuzzy, Optional<Pairing> pairing) {
    public CandidateQuery {
      exact = List.copyOf(exact);
      fuzzy = List.copyOf(fuzzy);
      Objects.requireNonNull(pairing, "pairing");
    }

    /** Exact keys only, each retrieving alone. */
    public static CandidateQuery exactly(List<KeyTerm> exact) {
      return new CandidateQuery(exact, List.of(), Optional.empty());
    }

    public boolean isEmpty() {
      return exact.isEmpty() && fuzzy.isEmpty() && pairing.map(Pairing::isEmpty).orElse(true);
    }

    /**
     * The clauses that retrieve this query's candidates, in an engine's own query type: a record is
     * a candidate when any of them matches it, and none means no candidates. Without a pairing,
     * every exact and fuzzy key is a clause. With one, a birth date scores where it pairs with a
     * part of the name, a neighbour, a place or a key that retrieves alone, and a neighbour where
     * it pairs with a place, a birth date or such a key; each pair is led by its small side, so the
     * large lists (a family name, a city) are only skipped through. A common name pairs with a
     * birth date, a place or an identifier. A fuzzy key of fewer than three characters has too many
     * neighbours to ask for.
     */
    public <Q> List<Q> clauses(Clauses<Q> engine) {
      List<Q> alone = new ArrayList<>();
      List<Q> identifiers = new ArrayList<>();
      for (KeyTerm t : exact) {
        engine
            .rarity(t)
            .ifPresent(
                q -> {
                  alone.add(q);
                  if (!WHOLE_NAMES.contains(t.field())) {
                    identifiers.add(q);
                  }
                });
      }
      List<Q> neighbours = new ArrayList<>();
      List<Q> loneNeighbours = new ArrayList<>();
      for (KeyTerm t : fuzzy) {
        if (t.value().codePointCount(0, t.value().length()) >= 3) {
          boolean lone = pairing.map(p -> p.loneNeighbours().contains(t)).orElse(true);
          (lone ? loneNeighbours : neighbours).add(engine.fuzzy(t));
        }
      }
      if (pairing.isEmpty()) {
        alone.addAll(loneNeighbours);
        return alone;
      }
      Pairing p = pairing.get();
      List<Q> births = new ArrayList<>();
      p.birthDates().forEach(t -> engine.rarity(t).ifPresent(births::add));
      List<Q> places = p.places().stream().map(engine::term).toList();
      List<Q> withBirth = new ArrayList<>(alone);
      withBirth.addAll(neighbours);
      withBirth.addAll(loneNeighbours);
      p.nameParts().forEach(t -> withBirth.add(engine.term(t)));
      withBirth.addAll(places);
      List<Q> withNeighbour = new ArrayList<>(alone);
      withNeighbour.addAll(births);
      withNeighbour.addAll(places);
      List<Q> clauses = new ArrayList<>(alone);
      if (!births.isEmpty()) {
        clauses.add(engine.both(engine.any(births), engine.any(withBirth)));
      }
      // A common name pairs with what tells its holders apart, never with another name key: the
      // namesakes who hold it hold its reading and katakana too.
      List<Q> common = new ArrayList<>();
      p.commonNames().forEach(t -> engine.rarity(t).ifPresent(common::add));
      if (!common.isEmpty()) {
        List<Q> withCommon = new ArrayList<>(identifiers);
        withCommon.addAll(births);
        withCommon.addAll(places);
        clauses.add(engine.both(engine.any(common), engine.any(withCommon)));
      }
      if (!loneNeighbours.isEmpty()) {
        clauses.add(engine.any(loneNeighbours));
      }
      if (!neighbours.isEmpty()) {
        clauses.add(engine.both(engine.any(neighbours), engine.any(withNeighbour)));
      }
      return clauses;
    }

    /**
     * The exact terms of this query that {@code other} does not have; its fuzzy keys and pairing
     * whole when anything is new (a new key may pair with an old one), none otherwise.
     */
    public CandidateQuery minus(CandidateQuery other) {
      List<KeyTerm> added = exact.stream().filter(t -> !other.exact.contains(t)).toList();
      boolean pairedNew = !fuzzy.equals(other.fuzzy) || !pairing.equals(other.pairing);
      if (added.isEmpty() && !pairedNew) {
        return new CandidateQuery(List.of(), List.of(), Optional.empty());
      }
      if (pairing.isEmpty()) {
        return new CandidateQuery(
            added, fuzzy.stream().filter(t -> !other.fuzzy.contains(t)).toList(), pairing);
      }
      return new CandidateQuery(added, fuzzy, pairing);
    }
  }

  /**
   * The keys that retrieve a record only in pairs: a birth date with a name part, a fuzzy key or a
   * place; a fuzzy key with a place. Name parts (family or given name, their readings, the words of
   * a Latin-script name) and places (postcode, town, city) are each held by thousands, so they
   * never retrieve alone either.
   *
   * @param loneNeighbours the fuzzy keys that retrieve alone, unpaired: a Latin-script name's and
   *     its whole katakana guesses', where not common; a Latin name's slips are what its records
   *     differ by most, and each key expands to a bounded number of terms
   * @param commonNames whole names or readings held by so many records that their holders are
   *     mostly namesakes: each retrieves only where it pairs with a birth date, a place or an
   *     identifier (a key that retrieves alone and is not a name), so that namesakes do not fill
   *     the candidate limit
   */
  record Pairing(
      List<KeyTerm> birthDates,
      List<KeyTerm> nameParts,
      List<KeyTerm> places,
      List<KeyTerm> loneNeighbours,
      List<KeyTerm> commonNames) {
    public Pairing {
      birthDates = List.copyOf(birthDates);
      nameParts = List.copyOf(nameParts);
      places = List.copyOf(places);
      loneNeighbours = List.copyOf(loneNeighbours);
      commonNames = List.copyOf(commonNames);
    }

    /** Neighbours paired too, no common names. */
    public Pairing(List<KeyTerm> birthDates, List<KeyTerm> nameParts, List<KeyTerm> places) {
      this(birthDates, nameParts, places, List.of(), List.of());
    }

    boolean isEmpty() {
      return birthDates.isEmpty() && commonNames.isEmpty();
    }
  }

  /** How an engine writes the parts of {@link CandidateQuery#clauses}. */
  interface Clauses<Q> {
    /** The key, scoring its rarity once per record that holds it; empty when none does. */
    Optional<Q> rarity(KeyTerm t);

    /** The key's one-edit neighbours, scored. */
    Q fuzzy(KeyTerm t);

    /** The key, admitting without a score. */
    Q term(KeyTerm t);

    /** Any of the clauses; an empty list matches nothing. */
    Q any(List<Q> clauses);

    /** {@code scored}, where {@code paired} matches too. */
    Q both(Q scored, Q paired);
  }

  /** The fields of a whole name or its reading. */
  Set<String> WHOLE_NAMES =
      Set.of(IndexSchema.NAME_FULL, IndexSchema.READING_KEY, IndexSchema.READING_LOOSE);

  /** A field and a key, e.g. {@code phone_e164 = +819012345678}. */
  record KeyTerm(String field, String value) {}
}
