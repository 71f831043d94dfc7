package jp.kaiji.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Erasure in Kaiji's own index: removes records by primary key from <em>every</em> kept generation,
 * not only the serving one (the older ones are kept for rollback and would serve them again), and
 * rewrites each segment that held one ({@code forceMergeDeletes}): a Lucene delete only marks a
 * document, whose stored original and terms stay in the segment files until a merge. Each
 * generation is then reopened and searched for the keys, live or deleted.
 */
public final class GenerationPurge {
  private final IndexGenerations generations;

  /** What one generation lost, and what a reopen still found of those keys (must be 0). */
  public record Purged(String generation, long removed, long remaining) {}

  public GenerationPurge(IndexGenerations generations) {
    this.generations = generations;
  }

  /** Removes the records of {@code keysBySource} (source id → primary keys) everywhere. */
  public List<Purged> purge(Map<String, ? extends Collection<String>> keysBySource)
      throws IOException {
    List<Purged> out = new ArrayList<>();
    try (IndexGenerations.WriterLock lock = generations.writerLock()) {
      for (GenerationInfo gen : generations.list()) {
        long before = countKeys(gen, keysBySource);
        try (FSDirectory dir = FSDirectory.open(gen.indexDir());
            IndexWriter writer =
                new IndexWriter(
                    dir,
                    new IndexWriterConfig()
                        // Rewrite every segment with a deletion, however few: by default a
                        // segment under 10% deleted keeps its deleted documents' bytes.
                        .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0))
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
                        .setCommitOnClose(false))) {
          for (Map.Entry<String, ? extends Collection<String>> e : keysBySource.entrySet()) {
            for (String key : e.getValue()) {
              writer.deleteDocuments(
                  new Term(IndexSchema.DOC_ID, IndexSchema.docId(e.getKey(), key.strip())));
            }
          }
          writer.forceMergeDeletes(true);
          writer.commit();
        }
        for (String source : keysBySource.keySet()) {
          restat(gen, source);
        }
        out.add(new Purged(gen.id(), before, countKeys(gen, keysBySource)));
      }
    }
    generations.fireUpdated();
    return out;
  }

  /**
   * How many documents of those keys the generation's files still hold, live or marked deleted (the
   * document frequency of the doc id counts both until a merge removes them).
   */
  public static long countKeys(GenerationInfo gen, Map<String, ? extends Collection<String>> keys)
      throws IOException {
    long n = 0;
    try (FSDirectory dir = FSDirectory.open(gen.indexDir());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (Map.Entry<String, ? extends Collection<String>> e : keys.entrySet()) {
        for (String key : e.getValue()) {
          n += reader.docFreq(new Term(IndexSchema.DOC_ID, IndexSchema.docId(e.getKey(), key)));
        }
      }
    }
    return n;
  }

  /** The originals (JSON) the serving generation holds under {@code keys} of one source. */
  public static Map<String, Optional<String>> originals(
      IndexGenerations generations, String source, Collection<String> keys) throws IOException {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    try (DirectoryReader reader = generations.openCurrent()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String key : keys) {
        TopDocs top =
            searcher.search(
                new TermQuery(new Term(IndexSchema.DOC_ID, IndexSchema.docId(source, key))), 1);
        if (top.scoreDocs.length == 0) {
          out.put(key, Optional.empty());
        } else {
          Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
          out.put(key, Optional.ofNullable(d.get(IndexSchema.ORIGINAL)));
        }
      }
    }
    return out;
  }

  private void restat(GenerationInfo gen, String source) throws IOException {
    SourceStats old = gen.sources().get(source);
    if (old == null) {
      return;
    }
    long docs;
    try (FSDirectory dir = FSDirectory.open(gen.indexDir());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      docs =
          new IndexSearcher(reader).count(new TermQuery(new Term(IndexSchema.SOURCE_ID, source)));
    }
    generations.updateStats(
        gen,
        new SourceStats(
            source,
            old.company(),
            old.rowsRead(),
            docs,
            old.unindexable(),
            old.quarantined(),
            old.lastBuild(),
            old.durationMillis(),
            old.duplicateKeys()));
  }
}
