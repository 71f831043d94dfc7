package jp.kaiji.match;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import jp.kaiji.schema.LocatorTerm;

/**
 * What a {@link SubjectIndex.Snapshot} offers when it can find records by locators (store, number,
 * cookie or device id, IP address) and time windows. The embedded Lucene index does; an index that
 * does not is reported by {@link LocatorSearch} as unable to search them.
 */
public interface LocatorIndex {

  /**
   * Records holding the term's key whose interval {@code [start, end]} touches the term's window
   * (both edges included); at most {@code limit}.
   */
  List<Hit> findByLocator(LocatorTerm term, int limit);

  /**
   * How many records of a source are still held at {@code since} (epoch second): their interval
   * ends at or after it, or they carry no time. An index may count from the start of that minute
   * (so that the answer can be kept for a minute), never later.
   */
  long heldSince(String sourceId, long since);

  /** A record found by a locator, with the interval it covers (epoch seconds), when it has one. */
  record Hit(IndexedRecord record, OptionalLong start, OptionalLong end) {
    public Hit {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }
}
