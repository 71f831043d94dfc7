package jp.kaiji.match;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot that passes every call to another: a wrapper overrides only what it watches (the bench
 * counts the matcher's round trips to the index).
 */
public abstract class ForwardingSnapshot implements SubjectIndex.Snapshot {
  protected final SubjectIndex.Snapshot inner;

  protected ForwardingSnapshot(SubjectIndex.Snapshot inner) {
    this.inner = inner;
  }

  @Override
  public SubjectIndex.Generation generation() {
    return inner.generation();
  }

  @Override
  public List<IndexedRecord> find(SubjectIndex.CandidateQuery query, int limit) {
    return inner.find(query, limit);
  }

  @Override
  public Optional<IndexedRecord> get(String sourceId, String primaryKey) {
    return inner.get(sourceId, primaryKey);
  }

  @Override
  public List<IndexedRecord> referencing(String docId, int limit) {
    return inner.referencing(docId, limit);
  }

  @Override
  public Map<String, Long> recordsPerSource() {
    return inner.recordsPerSource();
  }

  @Override
  public long docFreq(String field, String value) {
    return inner.docFreq(field, value);
  }

  @Override
  public long docCount() {
    return inner.docCount();
  }

  @Override
  public void close() {
    inner.close();
  }
}
