package jp.kaiji.match.lucene;

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
 * @param duplicateKeys documents beyond the first that share a primary key: the records are all
 *     indexed (nothing is lost) but their doc ids are not unique, so the admin should fix the
 *     source
 */
public record SourceStats(
    String source,
    String company,
    long rowsRead,
    long indexed,
    long unindexable,
    long quarantined,
    String lastBuild,
    long durationMillis,
    long duplicateKeys) {
  public SourceStats {
    Objects.requireNonNull(source, "source");
  }

  public SourceStats withDuplicateKeys(long n) {
    return new SourceStats(
        source, company, rowsRead, indexed, unindexable, quarantined, lastBuild, durationMillis, n);
  }

  /** Rows per second of the last read. */
  public double rowsPerSecond() {
    return durationMillis == 0 ? rowsRead : rowsRead * 1000.0 / durationMillis;
  }
}
