package jp.kaiji.match;

/** How common a key is in the index: the counts behind the {@code u} of an evidence weight. */
public interface TermStatistics {
  /** How many indexed records hold {@code value} in {@code field}. */
  long docFreq(String field, String value);

  /** How many records the index holds. */
  long docCount();
}
