package jp.kaiji.indexer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of one source being indexed, safe to read from another thread. */
public final class SourceProgress {
  /** Where a source is in a rebuild. */
  public enum State {
    WAITING,
    READING,
    DONE,
    FAILED
  }

  private final String source;
  final AtomicLong rowsRead = new AtomicLong();
  final AtomicLong indexed = new AtomicLong();
  final AtomicLong unindexable = new AtomicLong();
  final AtomicLong quarantined = new AtomicLong();
  private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
  private volatile long startNanos;
  private volatile long endNanos;

  public SourceProgress(String source) {
    this.source = source;
  }

  void start() {
    startNanos = System.nanoTime();
    state.set(State.READING);
  }

  void finish(State end) {
    endNanos = System.nanoTime();
    state.set(end);
  }

  /**
   * A consistent-enough view for display.
   *
   * @param rowsPerSecond rows read per second since the source started
   */
  public record Snapshot(
      String source,
      State state,
      long rowsRead,
      long indexed,
      long unindexable,
      long quarantined,
      double rowsPerSecond,
      long elapsedMillis) {}

  Snapshot snapshot() {
    long start = startNanos;
    long end = endNanos == 0 ? System.nanoTime() : endNanos;
    long elapsedNanos = start == 0 ? 0 : end - start;
    long rows = rowsRead.get();
    double rate = elapsedNanos <= 0 ? 0 : rows / (elapsedNanos / 1e9);
    return new Snapshot(
        source,
        state.get(),
        rows,
        indexed.get(),
        unindexable.get(),
        quarantined.get(),
        rate,
        elapsedNanos / 1_000_000);
  }
}
