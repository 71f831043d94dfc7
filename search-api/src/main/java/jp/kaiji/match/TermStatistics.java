package jp.kaiji.match;

/** How common a key is in the index: the share of records holding it (the {@code u} of a weight). */
@FunctionalInterface
public interface TermStatistics {
  /** The share of indexed records whose {@code field} holds {@code value}, in (0, 1]. */
  double share(String field, String value);
}
