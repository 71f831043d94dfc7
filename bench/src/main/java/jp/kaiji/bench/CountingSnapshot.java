package jp.kaiji.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import jp.kaiji.match.ForwardingSnapshot;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.SubjectIndex;

/**
 * A snapshot that counts the matcher's round trips to the index (and the records they return), so
 * the bench can say how many index queries one search makes.
 */
final class CountingSnapshot extends ForwardingSnapshot {
  /** Counts over every snapshot wrapped with the same counter. */
  static final class Counts {
    final LongAdder finds = new LongAdder();
    final LongAdder referencing = new LongAdder();
    final LongAdder gets = new LongAdder();
    final LongAdder records = new LongAdder();

    long queries() {
      return finds.sum() + referencing.sum() + gets.sum();
    }
  }

  private final Counts counts;

  CountingSnapshot(SubjectIndex.Snapshot inner, Counts counts) {
    super(inner);
    this.counts = counts;
  }

  @Override
  public List<IndexedRecord> find(SubjectIndex.CandidateQuery query, int limit) {
    List<IndexedRecord> out = inner.find(query, limit);
    counts.finds.increment();
    counts.records.add(out.size());
    return out;
  }

  @Override
  public Optional<IndexedRecord> get(String sourceId, String primaryKey) {
    Optional<IndexedRecord> out = inner.get(sourceId, primaryKey);
    counts.gets.increment();
    counts.records.add(out.isPresent() ? 1 : 0);
    return out;
  }

  @Override
  public List<IndexedRecord> referencing(String docId, int limit) {
    List<IndexedRecord> out = inner.referencing(docId, limit);
    counts.referencing.increment();
    counts.records.add(out.size());
    return out;
  }
}
