package jp.kaiji.match.lucene;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One complete index generation.
 *
 * @param id e.g. {@code gen-000042}
 * @param dir its directory (the Lucene index is in {@code dir/index})
 * @param builtAt when its rebuild finished (ISO-8601 instant)
 * @param sources per-source statistics, updated by incremental syncs
 */
public record GenerationInfo(
    String id, Path dir, String builtAt, Map<String, SourceStats> sources) {
  public GenerationInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dir, "dir");
    sources = Map.copyOf(sources);
  }

  /** The Lucene index directory of this generation. */
  public Path indexDir() {
    return dir.resolve("index");
  }
}
