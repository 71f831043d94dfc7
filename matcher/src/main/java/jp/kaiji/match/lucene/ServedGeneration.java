package jp.kaiji.match.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.SearcherManager;

/**
 * One generation that {@link LuceneSubjectIndex} serves: counted by the index (while current) and
 * by each open {@link LuceneSnapshot}, and closed with its serving lock when the last lets go.
 */
final class ServedGeneration {
  private static final System.Logger LOG = System.getLogger(ServedGeneration.class.getName());

  final SearcherManager manager;
  final GenerationInfo info;
  private final ServingLock lock;
  private final AtomicInteger refs = new AtomicInteger(1);
  // Records per source of the last reader asked: every search answers them, and they change
  // only with the reader (a sync refreshes it).
  final AtomicReference<Map.Entry<Object, Map<String, Long>>> perSource = new AtomicReference<>();
  // Held records per source and minute of the last reader asked: every search asks whether each
  // source with a retention still holds a record, and counting a source of millions of rows is
  // milliseconds. Counted at the start of the minute, so a record that expired within the last
  // minute may still count as held; the records a search returns are cut at the exact second.
  final AtomicReference<Map.Entry<Object, Map<String, Long>>> heldPerMinute =
      new AtomicReference<>();

  ServedGeneration(SearcherManager manager, GenerationInfo info, ServingLock lock) {
    this.manager = manager;
    this.info = info;
    this.lock = lock;
  }

  boolean retain() {
    for (int n = refs.get(); n > 0; n = refs.get()) {
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      try (ServingLock l = lock) {
        manager.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot close generation " + info.id(), e);
      }
    }
  }
}
