package jp.kaiji.normalize;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded memo for a pure normalizer: the same spelling of a phone, address or date recurs across
 * a person's records and a household's, and an index build sees it millions of times. When full it
 * starts over (no LRU bookkeeping on the hot path). Thread-safe; values must be immutable.
 */
final class Memo<K, V> {
  private final int capacity;
  private volatile ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

  Memo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  V get(K key, Function<K, V> compute) {
    ConcurrentHashMap<K, V> m = map;
    V v = m.get(key);
    if (v != null) {
      return v;
    }
    v = compute.apply(key);
    if (m.size() >= capacity) {
      m = new ConcurrentHashMap<>();
      map = m;
    }
    m.put(key, v);
    return v;
  }
}
