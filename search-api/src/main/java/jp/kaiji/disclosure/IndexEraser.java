package jp.kaiji.disclosure;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes records from every kept index generation (not only the serving one: the older ones are
 * kept for rollback and would bring them back), so that nothing of them stays on disk, and opens
 * each generation afterwards to prove it. The server implements it over the indexer.
 */
@FunctionalInterface
public interface IndexEraser {
  /**
   * @param keysBySource primary keys to remove, by source id
   * @return per kept generation, what was removed and what an independent reopen still found
   */
  List<Purged> purge(Map<String, Set<String>> keysBySource) throws IOException;

  /**
   * @param removed documents removed from the generation
   * @param remaining documents of those keys the reopened generation still holds, live or deleted
   *     (must be 0)
   */
  record Purged(String generation, long removed, long remaining) {}
}
