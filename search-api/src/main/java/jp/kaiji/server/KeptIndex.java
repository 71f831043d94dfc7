package jp.kaiji.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.disclosure.IndexEraser;
import jp.kaiji.disclosure.SourceCheck;
import jp.kaiji.http.Json;
import jp.kaiji.indexer.GenerationPurge;
import jp.kaiji.indexer.SourceSync;
import jp.kaiji.match.lucene.IndexGenerations;

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
