package jp.kaiji.match.lucene;

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
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.LocatorIndex;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndex.CandidateQuery;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * One search's view of a served generation: its reader never changes while the snapshot is open, so
 * term statistics, fuzzy rewrites and the records read are remembered for the snapshot's life.
 */
final class LuceneSnapshot implements SubjectIndex.Snapshot, LocatorIndex {
  /**
   * Edit-distance retrieval expands to at most this many terms per fuzzy key (the closest,
   * commonest first).
   */
  private static final int FUZZY_EXPANSIONS = 10;

  // Sources times minutes remembered for one reader before starting over.
  private static final int HELD_CACHE = 10_000;

  private final ServedGeneration serving;
  private final IndexSearcher searcher;
  private final int numDocs;
  private boolean released;
  // One request asks for the same term statistics once per candidate and retrieves most
  // candidates twice (before and after expansion): both are answered once per snapshot. The
  // snapshot's reader never changes, so neither can go stale.
  private final Map<Term, Long> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();
  // The terms dictionary is looked up once per key: the docFreq and the query share the states.
  private final Map<Term, TermStates> termStates = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Integer, IndexedRecord> records =
      new java.util.concurrent.ConcurrentHashMap<>();

  // A request asks for the same fuzzy keys before and after expansion: building their
  // Levenshtein automata and collecting their terms is done once per snapshot.
  private final Map<Term, Query> fuzzyRewrites = new java.util.concurrent.ConcurrentHashMap<>();

  LuceneSnapshot(ServedGeneration serving, IndexSearcher searcher) {
    this.serving = serving;
    this.searcher = searcher;
    this.numDocs = searcher.getIndexReader().numDocs();
  }

  @Override
  public SubjectIndex.Generation generation() {
    return new SubjectIndex.Generation(serving.info.id(), Instant.parse(serving.info.builtAt()));
  }

  @Override
  public List<IndexedRecord> find(CandidateQuery query, int limit) {
    if (query.isEmpty()) {
      return List.of();
    }
    // Each key scores its rarity once per matching record, without BM25's term-frequency and
    // length work: records holding several rare keys of the request come first.
    List<Query> clauses = query.clauses(queries);
    return clauses.isEmpty() ? List.of() : search(any(clauses), limit);
  }

  /** The key's clause weighted by its rarity; empty when no record holds it. */
  private Optional<Query> rarity(SubjectIndex.KeyTerm t) {
    long df = docFreq(t.field(), t.value());
    if (df == 0) {
      return Optional.empty();
    }
    float rarity = (float) Math.log(1.0 + (double) numDocs / df);
    return Optional.of(
        new BoostQuery(new ConstantScoreQuery(termQuery(new Term(t.field(), t.value()))), rarity));
  }

  // The parts of a candidate query as Lucene queries (SubjectIndex.CandidateQuery#clauses).
  private final SubjectIndex.Clauses<Query> queries =
      new SubjectIndex.Clauses<>() {
        @Override
        public Optional<Query> rarity(SubjectIndex.KeyTerm t) {
          return LuceneSnapshot.this.rarity(t);
        }

        @Override
        public Query fuzzy(SubjectIndex.KeyTerm t) {
          return LuceneSnapshot.this.fuzzy(new Term(t.field(), t.value()), 1);
        }

        @Override
        public Query term(SubjectIndex.KeyTerm t) {
          return termQuery(new Term(t.field(), t.value()));
        }

        @Override
        public Query any(List<Query> clauses) {
          return LuceneSnapshot.any(clauses);
        }

        @Override
        public Query both(Query scored, Query paired) {
          return LuceneSnapshot.both(scored, paired);
        }
      };

  /** Any of the clauses; an empty list matches nothing. */
  private static Query any(List<Query> clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    clauses.forEach(c -> b.add(c, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  /** {@code scored}, where {@code paired} matches too. */
  private static Query both(Query scored, Query paired) {
    return new BooleanQuery.Builder()
        .add(scored, BooleanClause.Occur.MUST)
        .add(paired, BooleanClause.Occur.FILTER)
        .build();
  }

  private Query fuzzy(Term term, int fixed) {
    Query known = fuzzyRewrites.get(term);
    if (known != null) {
      return known;
    }
    try {
      Query q = searcher.rewrite(new FuzzyQuery(term, 1, fixed, FUZZY_EXPANSIONS, true));
      fuzzyRewrites.put(term, q);
      return q;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<IndexedRecord> get(String sourceId, String primaryKey) {
    return search(
            new TermQuery(new Term(IndexSchema.DOC_ID, IndexSchema.docId(sourceId, primaryKey))), 1)
        .stream()
        .findFirst();
  }

  @Override
  public List<IndexedRecord> referencing(String docId, int limit) {
    return search(new TermQuery(new Term(IndexSchema.REF, docId)), limit);
  }

  @Override
  public List<jp.kaiji.match.LocatorIndex.Hit> findByLocator(
      jp.kaiji.schema.LocatorTerm term, int limit) {
    return LocatorQueries.find(searcher, term, limit);
  }

  @Override
  public long heldSince(String sourceId, long since) {
    Object readerKey = searcher.getIndexReader().getReaderCacheHelper().getKey();
    Map.Entry<Object, Map<String, Long>> known = serving.heldPerMinute.get();
    if (known == null || known.getKey() != readerKey || known.getValue().size() > HELD_CACHE) {
      known = Map.entry(readerKey, new java.util.concurrent.ConcurrentHashMap<>());
      serving.heldPerMinute.set(known);
    }
    long minute = Math.floorDiv(since, 60) * 60;
    return known
        .getValue()
        .computeIfAbsent(
            sourceId + "@" + minute, k -> LocatorQueries.heldSince(searcher, sourceId, minute));
  }

  @Override
  public Map<String, Long> recordsPerSource() {
    Object readerKey = searcher.getIndexReader().getReaderCacheHelper().getKey();
    Map.Entry<Object, Map<String, Long>> known = serving.perSource.get();
    if (known != null && known.getKey() == readerKey) {
      return known.getValue();
    }
    Map<String, Long> out = java.util.Collections.unmodifiableMap(countPerSource());
    serving.perSource.set(Map.entry(readerKey, out));
    return out;
  }

  private Map<String, Long> countPerSource() {
    // The sources of stats.json (empty ones included) and of the index itself, so that a lost
    // stats.json never shows a source as empty.
    Set<String> sources = new LinkedHashSet<>(serving.info.sources().keySet());
    try {
      Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexSchema.SOURCE_ID);
      if (terms != null) {
        TermsEnum e = terms.iterator();
        for (BytesRef t = e.next(); t != null; t = e.next()) {
          sources.add(t.utf8ToString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    sources.forEach(
        source -> out.put(source, count(new TermQuery(new Term(IndexSchema.SOURCE_ID, source)))));
    return out;
  }

  @Override
  public long docFreq(String field, String value) {
    Term term = new Term(field, value);
    Long known = docFreqs.get(term);
    if (known != null) {
      return known;
    }
    try {
      // Live records only (as docCount, and as an OpenSearch cluster counts them): a sync leaves
      // the records it replaced deleted, and Lucene's docFreq counts them until a merge.
      IndexReader reader = searcher.getIndexReader();
      long n = reader.hasDeletions() ? searcher.count(termQuery(term)) : states(term).docFreq();
      docFreqs.put(term, n);
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query termQuery(Term term) {
    return new TermQuery(term, states(term));
  }

  private TermStates states(Term term) {
    TermStates known = termStates.get(term);
    if (known != null) {
      return known;
    }
    try {
      TermStates built = TermStates.build(searcher, term, true);
      termStates.put(term, built);
      return built;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long docCount() {
    return numDocs;
  }

  private long count(Query q) {
    try {
      return searcher.count(q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<IndexedRecord> search(Query q, int limit) {
    try {
      TopDocs top = searcher.search(q, Math.max(1, limit));
      var stored = searcher.storedFields();
      List<IndexedRecord> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        IndexedRecord r = records.get(sd.doc);
        if (r == null) {
          StoredRecords.Values values = new StoredRecords.Values();
          stored.document(sd.doc, values);
          r = StoredRecords.toRecord(values);
          records.put(sd.doc, r);
        }
        out.add(r);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      serving.manager.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      serving.release();
    }
  }
}
