package jp.kaiji.match.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
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

/**
 * The embedded-Lucene {@link SubjectIndex}: serves the current generation of an {@link
 * IndexGenerations} through a {@link SearcherManager}, switching to a new generation when a rebuild
 * or rollback publishes one and refreshing in place after a sync. A snapshot acquired before a
 * switch keeps reading its own generation until it is closed.
 */
public final class LuceneSubjectIndex implements SubjectIndex, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LuceneSubjectIndex.class.getName());

  /**
   * Edit-distance retrieval expands to at most this many terms per fuzzy key (the closest,
   * commonest first).
   */
  private static final int FUZZY_EXPANSIONS = 10;

  private record Serving(SearcherManager manager, GenerationInfo info) {}

  private final IndexGenerations generations;
  private final AtomicReference<Optional<Serving>> serving =
      new AtomicReference<>(Optional.empty());

  public LuceneSubjectIndex(IndexGenerations generations) throws IOException {
    this.generations = generations;
    generations.current().ifPresent(this::switchTo);
    generations.addListener(
        event -> {
          switch (event.kind()) {
            case SWITCHED -> switchTo(event.generation());
            case UPDATED -> refresh();
          }
        });
  }

  private synchronized void switchTo(GenerationInfo generation) {
    try {
      SearcherManager manager =
          new SearcherManager(
              DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(generation.indexDir())),
              new SearcherFactory());
      Optional<Serving> previous = serving.getAndSet(Optional.of(new Serving(manager, generation)));
      // Snapshots still holding the old searcher keep it alive until they release it.
      if (previous.isPresent()) {
        previous.get().manager().close();
      }
      LOG.log(System.Logger.Level.INFO, "serving index generation " + generation.id());
    } catch (IOException e) {
      // The previous generation keeps serving; the admin sees the failure in the log.
      LOG.log(
          System.Logger.Level.ERROR,
          "cannot open index generation " + generation.id() + "; previous generation keeps serving",
          e);
    }
  }

  private void refresh() {
    serving
        .get()
        .ifPresent(
            s -> {
              try {
                s.manager().maybeRefreshBlocking();
              } catch (IOException e) {
                LOG.log(
                    System.Logger.Level.ERROR,
                    "cannot refresh index generation " + s.info().id(),
                    e);
              }
            });
  }

  @Override
  public Optional<Snapshot> acquire() {
    // A switch may close the manager between get() and acquire(): retry on the new one.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Serving> s = serving.get();
      if (s.isEmpty()) {
        return Optional.empty();
      }
      try {
        IndexSearcher searcher = s.get().manager().acquire();
        return Optional.of(new LuceneSnapshot(s.get(), searcher));
      } catch (org.apache.lucene.store.AlreadyClosedException e) {
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("index generation switched three times during one acquire");
  }

  @Override
  public synchronized void close() throws IOException {
    Optional<Serving> s = serving.getAndSet(Optional.empty());
    if (s.isPresent()) {
      s.get().manager().close();
    }
  }

  private static final class LuceneSnapshot implements Snapshot {
    private final Serving serving;
    private final IndexSearcher searcher;
    private final int numDocs;
    private boolean released;
    // One request asks for the same term statistics once per candidate and retrieves most
    // candidates twice (before and after expansion): both are answered once per snapshot. The
    // snapshot's reader never changes, so neither can go stale.
    private final Map<Term, Long> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, IndexedRecord> records =
        new java.util.concurrent.ConcurrentHashMap<>();

    LuceneSnapshot(Serving serving, IndexSearcher searcher) {
      this.serving = serving;
      this.searcher = searcher;
      this.numDocs = searcher.getIndexReader().numDocs();
    }

    @Override
    public SubjectIndex.Generation generation() {
      return new SubjectIndex.Generation(
          serving.info().id(), Instant.parse(serving.info().builtAt()));
    }

    @Override
    public List<IndexedRecord> find(CandidateQuery query, int limit) {
      if (query.isEmpty()) {
        return List.of();
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (SubjectIndex.KeyTerm t : query.exact()) {
        // Each key scores its rarity once per matching record, without BM25's term-frequency and
        // length work: records holding several rare keys of the request come first.
        long df = docFreq(t.field(), t.value());
        if (df == 0) {
          continue;
        }
        float rarity = (float) Math.log(1.0 + (double) numDocs / df);
        b.add(
            new BoostQuery(
                new ConstantScoreQuery(new TermQuery(new Term(t.field(), t.value()))), rarity),
            BooleanClause.Occur.SHOULD);
      }
      for (SubjectIndex.KeyTerm t : query.fuzzy()) {
        if (t.value().codePointCount(0, t.value().length()) >= 3) {
          b.add(
              new FuzzyQuery(new Term(t.field(), t.value()), 1, 1, FUZZY_EXPANSIONS, true),
              BooleanClause.Occur.SHOULD);
        }
      }
      return search(b.build(), limit);
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
    public Map<String, Long> recordsPerSource() {
      Map<String, Long> out = new LinkedHashMap<>();
      serving
          .info()
          .sources()
          .keySet()
          .forEach(
              source ->
                  out.put(source, count(new TermQuery(new Term(IndexSchema.SOURCE_ID, source)))));
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
        long n = searcher.getIndexReader().docFreq(term);
        docFreqs.put(term, n);
        return n;
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
            r = StoredRecords.toRecord(stored.document(sd.doc));
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
        serving.manager().release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
