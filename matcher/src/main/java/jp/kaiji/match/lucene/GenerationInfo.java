package jp.kaiji.match.lucene;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One complete index generation.
 *
 * @param id e.g. {@code gen-000042}
 * @param dir its directory (the Lucene index is in {@code dir/index})
 * @param builtAt when its rebuild finished (ISO-8601 instant)
 * @param sources per-source statistics, updated by incremental syncs
 * @param problems its side files that are missing or unreadable ({@code stats.json}, {@code
 *     report.json}), one line each: reported, never fatal
 */
public record GenerationInfo(
    String id, Path dir, String builtAt, Map<String, SourceStats> sources, List<String> problems) {
  public GenerationInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dir, "dir");
    sources = Map.copyOf(sources);
    problems = List.copyOf(problems);
  }

  public GenerationInfo(String id, Path dir, String builtAt, Map<String, SourceStats> sources) {
    this(id, dir, builtAt, sources, List.of());
  }

  /** The Lucene index directory of this generation. */
  public Path indexDir() {
    return dir.resolve("index");
  }
}
