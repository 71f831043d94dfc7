package jp.kaiji.match.lucene;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mutable statistics file of a generation ({@code stats.json}); rewritten atomically by syncs.
 *
 * @param generation the generation id
 * @param builtAt when the rebuild finished
 * @param sources per source id, in catalogue order
 */
public record GenerationStats(
    String generation, String builtAt, LinkedHashMap<String, SourceStats> sources) {
  public GenerationStats {
    sources = sources == null ? new LinkedHashMap<>() : new LinkedHashMap<>(sources);
  }

  GenerationStats with(SourceStats s) {
    LinkedHashMap<String, SourceStats> copy = new LinkedHashMap<>(sources);
    copy.put(s.source(), s);
    return new GenerationStats(generation, builtAt, copy);
  }

  public Map<String, SourceStats> view() {
    return java.util.Collections.unmodifiableMap(sources);
  }
}
