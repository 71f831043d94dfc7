package jp.kaiji.index;

import java.util.Objects;

/**
 * What one build or sync of one source did.
 *
 * @param source the source id
 * @param company its company id
 * @param rowsRead records read, including the ones that could not be read
 * @param indexed documents in the index for this source
 * @param unindexable records quarantined without being indexed (unreadable, or no primary key)
 * @param quarantined quarantine entries: unindexable records plus identifiers not normalized
 * @param lastBuild when this source was last read in full (ISO-8601 instant)
 * @param durationMillis how long reading and indexing it took
 */
public record SourceStats(
    String source, String company, long rowsRead, long indexed, long unindexable, long quarantined, String lastBuild, long durationMillis) {
  public SourceStats {
    Objects.requireNonNull(source, "source");
  }

  /** Rows per second of the last read. */
  public double rowsPerSecond() {
    return durationMillis == 0 ? rowsRead : rowsRead * 1000.0 / durationMillis;
  }
}
