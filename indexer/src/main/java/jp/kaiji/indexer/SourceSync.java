package jp.kaiji.indexer;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.source.SourceItem;
import jp.kaiji.indexer.source.SourceReader;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Incremental changes to the serving generation, in place: re-read one source whole, or upsert and
 * delete single records by primary key. Each call commits once, updates the generation's statistics
 * and tells the listeners ({@link IndexGenerations.EventKind#UPDATED}). A re-read that fails
 * half-way commits nothing: the source keeps its old documents.
 */
public final class SourceSync {
  private final CatalogFile catalog;
  private final IndexGenerations generations;
  private final SourceReaders readers;

  public SourceSync(CatalogFile catalog, IndexGenerations generations, SourceReaders readers) {
    this.catalog = catalog;
    this.generations = generations;
    this.readers = readers;
  }

  public SourceSync(CatalogFile catalog, IndexGenerations generations) {
    this(catalog, generations, SourceReaders.of(catalog));
  }

  /** Deletes every document of the source and reads it again. */
  public SourceStats resync(String sourceId) throws IOException {
    SourceDefinition source = source(sourceId);
    try (IndexGenerations.WriterLock lock = generations.writerLock()) {
      GenerationInfo gen = current();
      SourceProgress progress = new SourceProgress(sourceId);
      SourceStats read;
      try (FSDirectory dir = FSDirectory.open(gen.indexDir());
          IndexWriter writer = new IndexWriter(dir, config())) {
        writer.deleteDocuments(new Term(IndexSchema.SOURCE_ID, sourceId));
        try (SourceReader reader = readers.open(source);
            QuarantineLog quarantine =
                new QuarantineLog(QuarantineLog.fileOf(gen.dir(), sourceId + ".sync"))) {
          read =
              new SourceIndexer(null, 1, () -> false)
                  .index(source, reader, writer::addDocument, quarantine, progress);
        } catch (RuntimeException | IOException e) {
          writer.rollback();
          throw e;
        }
        writer.commit();
      }
      java.nio.file.Files.move(
          QuarantineLog.fileOf(gen.dir(), sourceId + ".sync"),
          QuarantineLog.fileOf(gen.dir(), sourceId),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      long docs = count(gen, sourceId);
      SourceStats stats =
          new SourceStats(
              sourceId,
              source.company(),
              read.rowsRead(),
              docs,
              read.unindexable(),
              read.quarantined(),
              read.lastBuild(),
              read.durationMillis(),
              0);
      generations.updateStats(gen, stats);
      generations.fireUpdated();
      return stats;
    }
  }

  /** Adds or replaces records by primary key; a row without one is quarantined. */
  SourceStats upsert(String sourceId, Collection<SourceItem> rows) throws IOException {
    SourceDefinition source = source(sourceId);
    try (IndexGenerations.WriterLock lock = generations.writerLock()) {
      GenerationInfo gen = current();
      SourceProgress progress = new SourceProgress(sourceId);
      try (FSDirectory dir = FSDirectory.open(gen.indexDir());
          IndexWriter writer = new IndexWriter(dir, config());
          QuarantineLog quarantine =
              new QuarantineLog(QuarantineLog.fileOf(gen.dir(), sourceId), true)) {
        for (SourceItem item : rows) {
          if (item instanceof SourceItem.SourceRow row) {
            String pk = row.fields().get(source.primaryKey());
            if (pk != null && !pk.isBlank()) {
              writer.deleteDocuments(
                  new Term(IndexSchema.DOC_ID, IndexSchema.docId(sourceId, pk.strip())));
            }
          }
        }
        SourceIndexer.indexBatch(
            source, List.copyOf(rows), writer::addDocument, quarantine, progress);
        writer.commit();
      }
      return finish(gen, source, progress.snapshot().quarantined());
    }
  }

  /** Deletes records by primary key; unknown keys are ignored. */
  public SourceStats delete(String sourceId, Collection<String> primaryKeys) throws IOException {
    SourceDefinition source = source(sourceId);
    try (IndexGenerations.WriterLock lock = generations.writerLock()) {
      GenerationInfo gen = current();
      try (FSDirectory dir = FSDirectory.open(gen.indexDir());
          IndexWriter writer = new IndexWriter(dir, config())) {
        for (String pk : primaryKeys) {
          writer.deleteDocuments(
              new Term(IndexSchema.DOC_ID, IndexSchema.docId(sourceId, pk.strip())));
        }
        writer.commit();
      }
      return finish(gen, source, 0);
    }
  }

  private SourceStats finish(GenerationInfo gen, SourceDefinition source, long newQuarantined)
      throws IOException {
    long docs = count(gen, source.id());
    SourceStats old = gen.sources().get(source.id());
    SourceStats stats =
        old == null
            ? new SourceStats(
                source.id(),
                source.company(),
                docs,
                docs,
                0,
                newQuarantined,
                Instant.now().toString(),
                0,
                0)
            : new SourceStats(
                source.id(),
                source.company(),
                old.rowsRead(),
                docs,
                old.unindexable(),
                old.quarantined() + newQuarantined,
                old.lastBuild(),
                old.durationMillis(),
                old.duplicateKeys());
    generations.updateStats(gen, stats);
    generations.fireUpdated();
    return stats;
  }

  private SourceDefinition source(String id) {
    return catalog
        .source(id)
        .orElseThrow(() -> new IllegalArgumentException("no source '" + id + "' in the catalogue"));
  }

  private GenerationInfo current() throws IOException {
    return generations
        .current()
        .orElseThrow(
            () ->
                new IOException(
                    "no index generation in " + generations.dataDir() + "; run rebuild first"));
  }

  private static IndexWriterConfig config() {
    return new IndexWriterConfig()
        .setCodec(new jp.kaiji.match.lucene.KaijiCodec())
        .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
        .setCommitOnClose(false);
  }

  private static long count(GenerationInfo gen, String sourceId) throws IOException {
    try (FSDirectory dir = FSDirectory.open(gen.indexDir());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return new IndexSearcher(reader)
          .count(new TermQuery(new Term(IndexSchema.SOURCE_ID, sourceId)));
    }
  }
}
