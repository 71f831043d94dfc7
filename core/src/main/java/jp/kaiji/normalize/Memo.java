package jp.kaiji.normalize;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded memo for a pure normalizer whose inputs recur: dates (a birth date per person, a record
 * date per day) are parsed millions of times during a build but take only tens of thousands of
 * values. Phones and addresses are not memoized: at a million persons each spelling recurs too far
 * apart for a bounded memo to hit. The matcher's katakana transcriptions use one too. When full it
 * starts over (no LRU bookkeeping on the hot path). Thread-safe; values must be immutable.
 */
public final class Memo<K, V> {
  private final int capacity;
  private volatile ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

  public Memo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** The remembered value of {@code key}, or {@code compute}'s, then remembered. */
  public V get(K key, Function<K, V> compute) {
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
