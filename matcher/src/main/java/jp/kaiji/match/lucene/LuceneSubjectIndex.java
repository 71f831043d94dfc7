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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
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
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded-Lucene {@link SubjectIndex}: serves the current generation of an {@link
 * IndexGenerations} through a {@link SearcherManager}, switching to a new generation when a rebuild
 * or rollback publishes one and refreshing in place after a sync. A snapshot acquired before a
 * switch keeps reading its own generation until it is closed.
 *
 * <p>A generation serves only once every checksum verified ({@link GenerationIntegrity}); when the
 * one CURRENT names is damaged, the newest intact kept generation older than it serves instead and
 * {@link #health()} says so. Another process may move CURRENT (a rebuild from the command line):
 * {@link #acquire()} re-reads it at most once a second, on the searching thread, so an idle server
 * costs nothing and a busy one one small file read a second (a WatchService would need a thread and
 * misses changes on network file systems). While a generation serves, this process holds its {@link
 * ServingLock}, so no pruning process deletes it.
 */
public final class LuceneSubjectIndex implements SubjectIndex, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LuceneSubjectIndex.class.getName());
  private static final long POLL_NANOS = 1_000_000_000L;

  /**
   * Edit-distance retrieval expands to at most this many terms per fuzzy key (the closest,
   * commonest first).
   */
  private static final int FUZZY_EXPANSIONS = 10;

  /**
   * What serves and why.
   *
   * @param status {@code ok}, {@code degraded} (serving, but not CURRENT's generation or with a
   *     problem) or {@code no-index} (nothing intact to serve)
   * @param serving the generation searches read
   * @param current the generation CURRENT names
   * @param problems one line each: damaged generations, missing side files
   */
  public record Health(
      String status,
      Optional<GenerationInfo> serving,
      Optional<String> current,
      List<String> problems) {
    public Health {
      problems = List.copyOf(problems);
    }
  }

  /** One served generation: counted by the index (while current) and by each open snapshot. */
  private static final class Serving {
    final SearcherManager manager;
    final GenerationInfo info;
    private final ServingLock lock;
    private final AtomicInteger refs = new AtomicInteger(1);
    // Records per source of the last reader asked: every search answers them, and they change
    // only with the reader (a sync refreshes it).
    private final AtomicReference<Map.Entry<Object, Map<String, Long>>> perSource =
        new AtomicReference<>();
    // Held records per source and minute of the last reader asked: every search asks whether each
    // source with a retention still holds a record, and counting a source of millions of rows is
    // milliseconds. Counted at the start of the minute, so a record that expired within the last
    // minute may still count as held; the records a search returns are cut at the exact second.
    private final AtomicReference<Map.Entry<Object, Map<String, Long>>> heldPerMinute =
        new AtomicReference<>();

    Serving(SearcherManager manager, GenerationInfo info, ServingLock lock) {
      this.manager = manager;
      this.info = info;
      this.lock = lock;
    }

    boolean retain() {
      for (int n = refs.get(); n > 0; n = refs.get()) {
        if (refs.compareAndSet(n, n + 1)) {
          return true;
        }
      }
      return false;
    }

    void release() {
      if (refs.decrementAndGet() == 0) {
        try (ServingLock l = lock) {
          manager.close();
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "cannot close generation " + info.id(), e);
        }
      }
    }
  }

  private final IndexGenerations generations;
  private final AtomicReference<Optional<Serving>> serving =
      new AtomicReference<>(Optional.empty());
  private final AtomicLong nextPoll = new AtomicLong(System.nanoTime() + POLL_NANOS);
  private volatile Health health =
      new Health("no-index", Optional.empty(), Optional.empty(), List.of());

  public LuceneSubjectIndex(IndexGenerations generations) throws IOException {
    this.generations = generations;
    choose();
    generations.addListener(
        event -> {
          switch (event.kind()) {
            case SWITCHED -> choose();
            case UPDATED -> refresh();
          }
        });
  }

  /** What serves now, after looking at CURRENT (at most once a second). */
  public Health health() {
    poll();
    return health;
  }

  /**
   * Serves the first intact one of: CURRENT's generation, then the kept ones older than it (newest
   * first), then the one serving now.
   */
  private synchronized void choose() {
    List<String> problems = new ArrayList<>();
    Optional<String> current;
    try {
      current = generations.currentId();
    } catch (java.io.UncheckedIOException e) {
      current = Optional.empty();
      problems.add("CURRENT is unreadable: " + GenerationIntegrity.describe(e.getCause()));
    }
    List<String> order = new ArrayList<>();
    current.ifPresent(order::add);
    List<GenerationInfo> kept = generations.list();
    if (current.isEmpty() && !kept.isEmpty() && problems.isEmpty()) {
      problems.add("CURRENT names no generation");
    }
    for (GenerationInfo g : kept.reversed()) {
      if (!order.contains(g.id()) && current.map(c -> g.id().compareTo(c) < 0).orElse(true)) {
        order.add(g.id());
      }
    }
    Optional<Serving> now = serving.get();
    now.filter(s -> !order.contains(s.info.id())).ifPresent(s -> order.add(s.info.id()));
    for (String id : order) {
      Optional<Serving> opened =
          now.isPresent() && now.get().info.id().equals(id) ? now : open(id, problems);
      if (opened.isPresent()) {
        Serving s = opened.get();
        if (s != now.orElse(null)) {
          serving.set(opened);
          now.ifPresent(Serving::release);
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(s.info.problems());
        boolean ok = all.isEmpty() && current.equals(Optional.of(id));
        health = new Health(ok ? "ok" : "degraded", Optional.of(s.info), current, all);
        String why = problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")";
        LOG.log(
            ok ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
            current.equals(Optional.of(id))
                ? "serving index generation " + id + why
                : "serving index generation "
                    + id
                    + ", not CURRENT's "
                    + current.orElse("-")
                    + why);
        s.info.problems().forEach(p -> LOG.log(System.Logger.Level.WARNING, p));
        return;
      }
    }
    serving.set(Optional.empty());
    now.ifPresent(Serving::release);
    health = new Health("no-index", Optional.empty(), current, problems);
    if (!problems.isEmpty()) {
      LOG.log(
          System.Logger.Level.ERROR,
          "no intact index generation to serve; searches answer 503 ("
              + String.join("; ", problems)
              + ")");
    }
  }

  private Optional<Serving> open(String id, List<String> problems) {
    GenerationInfo info = generations.info(id);
    ServingLock lock;
    try {
      lock = ServingLock.shared(info.dir());
    } catch (IOException e) {
      problems.add("generation " + id + " cannot be opened: " + GenerationIntegrity.describe(e));
      return Optional.empty();
    }
    try {
      DirectoryReader reader = GenerationIntegrity.openVerified(info.indexDir());
      return Optional.of(
          new Serving(new SearcherManager(reader, new SearcherFactory()), info, lock));
    } catch (IOException | RuntimeException e) {
      problems.add("generation " + id + " is damaged: " + GenerationIntegrity.describe(e));
      try {
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      return Optional.empty();
    }
  }

  /** Follows another process: CURRENT moved (rebuild, rollback) or the index changed (sync). */
  private void poll() {
    long now = System.nanoTime();
    long due = nextPoll.get();
    if (now - due < 0 || !nextPoll.compareAndSet(due, now + POLL_NANOS)) {
      return;
    }
    try {
      if (!generations.refresh()) {
        Optional<Serving> s = serving.get();
        if (s.isPresent() && s.get().retain()) {
          try {
            s.get().manager.maybeRefresh();
          } finally {
            s.get().release();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot follow CURRENT: " + e.getMessage());
    }
  }

  private void refresh() {
    Optional<Serving> s = serving.get();
    if (s.isPresent() && s.get().retain()) {
      try {
        s.get().manager.maybeRefreshBlocking();
      } catch (IOException e) {
        LOG.log(
            System.Logger.Level.ERROR, "cannot refresh index generation " + s.get().info.id(), e);
      } finally {
        s.get().release();
      }
    }
  }

  @Override
  public Optional<Snapshot> acquire() {
    poll();
    // A switch may retire the generation between get() and retain(): retry on the new one.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Serving> s = serving.get();
      if (s.isEmpty()) {
        return Optional.empty();
      }
      if (!s.get().retain()) {
        continue;
      }
      try {
        return Optional.of(new LuceneSnapshot(s.get(), s.get().manager.acquire()));
      } catch (IOException | RuntimeException e) {
        s.get().release();
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }
    throw new IllegalStateException("index generation switched three times during one acquire");
  }

  @Override
  public synchronized void close() throws IOException {
    serving.getAndSet(Optional.empty()).ifPresent(Serving::release);
  }

  // Sources times minutes remembered for one reader before starting over.
  private static final int HELD_CACHE = 10_000;

  private static final class LuceneSnapshot implements Snapshot, jp.kaiji.match.LocatorIndex {
    private final Serving serving;
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

    LuceneSnapshot(Serving serving, IndexSearcher searcher) {
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
          new BoostQuery(
              new ConstantScoreQuery(termQuery(new Term(t.field(), t.value()))), rarity));
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
              new TermQuery(new Term(IndexSchema.DOC_ID, IndexSchema.docId(sourceId, primaryKey))),
              1)
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
}
