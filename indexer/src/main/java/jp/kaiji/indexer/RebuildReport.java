package jp.kaiji.indexer;

import java.util.List;
import jp.kaiji.match.lucene.SourceStats;

/**
 * The machine-readable report of one rebuild, written as {@code report.json} into the generation
 * directory (its presence marks the generation complete).
 *
 * @param generation the generation id
 * @param startedAt ISO-8601 instant
 * @param finishedAt ISO-8601 instant
 * @param durationMillis wall time
 * @param rowsRead total rows read over all sources
 * @param rowsPerSecond rows read per second of wall time
 * @param sources per-source statistics, in catalogue order
 * @param quarantineDir the folder holding one {@code <sourceId>.jsonl} quarantine file per source
 */
public record RebuildReport(
    String generation,
    String startedAt,
    String finishedAt,
    long durationMillis,
    long rowsRead,
    double rowsPerSecond,
    List<SourceStats> sources,
    String quarantineDir) {
  public RebuildReport {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
