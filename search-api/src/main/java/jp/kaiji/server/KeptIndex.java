package jp.kaiji.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.disclosure.IndexEraser;
import jp.kaiji.disclosure.SourceCheck;
import jp.kaiji.http.Json;
import jp.kaiji.indexer.GenerationPurge;
import jp.kaiji.indexer.OpenSearchSync;
import jp.kaiji.indexer.SourceSync;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.opensearch.OpenSearchGenerations;

/**
 * The index side of work orders and erasure, over the indexer: re-reading one source (the {@code
 * sync} path) to verify an owner's work, and purging records from every kept generation.
 */
final class KeptIndex {
  private KeptIndex() {}

  /** Re-reads the source into the serving generation, then answers the records it holds. */
  static SourceCheck sourceCheck(IndexGenerations generations, Supplier<CatalogFile> catalog) {
    return (source, keys) -> {
      new SourceSync(catalog.get(), generations).resync(source);
      Map<String, Optional<JsonNode>> out = new LinkedHashMap<>();
      for (Map.Entry<String, Optional<String>> e :
          GenerationPurge.originals(generations, source, keys).entrySet()) {
        out.put(e.getKey(), e.getValue().map(KeptIndex::parse));
      }
      return out;
    };
  }

  /**
   * The same on a cluster: the sync through the bulk path, the originals from the alias's index.
   */
  static SourceCheck sourceCheck(
      OpenSearchGenerations generations, Path dataDir, Supplier<CatalogFile> catalog) {
    return (source, keys) -> {
      OpenSearchSync sync = new OpenSearchSync(catalog.get(), generations, dataDir);
      sync.resync(source);
      Map<String, Optional<JsonNode>> out = new LinkedHashMap<>();
      sync.originals(source, keys).forEach((k, v) -> out.put(k, v.map(KeptIndex::parse)));
      return out;
    };
  }

  /**
   * Erasure from every generation index on a cluster. Its {@code remaining} is an upper bound: the
   * live copies left plus every deleted document the index still keeps in its files (soft deletes
   * the cluster holds for replica recovery until a later merge, which it cannot count per key).
   */
  static IndexEraser eraser(
      OpenSearchGenerations generations, Path dataDir, Supplier<CatalogFile> catalog) {
    return keys ->
        new OpenSearchSync(catalog.get(), generations, dataDir)
            .purge(keys).stream()
                .map(
                    p -> new IndexEraser.Purged(p.index(), p.removed(), p.live() + p.deletedKept()))
                .toList();
  }

  static IndexEraser eraser(IndexGenerations generations) {
    return keys ->
        new GenerationPurge(generations)
            .purge(keys).stream()
                .map(p -> new IndexEraser.Purged(p.generation(), p.removed(), p.remaining()))
                .toList();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("a stored original is not JSON", e);
    }
  }
}
