package jp.kaiji.schema;

import java.util.List;
import java.util.Set;

/**
 * The index keys of one record and what went wrong with its identifiers.
 *
 * @param keys index field name and value pairs, without duplicates, in mapping order
 * @param present the attributes with at least one non-blank mapped column
 * @param problems every identifier that could not be normalized
 */
public record NormalizedRecord(
    List<Key> keys, Set<IndexSchema.Attribute> present, List<Problem> problems) {
  public NormalizedRecord {
    keys = List.copyOf(keys);
    present = Set.copyOf(present);
    problems = List.copyOf(problems);
  }

  /** One value of one index field. */
  public record Key(String field, String value) {}

  /** One identifier that could not be normalized; {@code reason} holds no record content. */
  public record Problem(
      IndexSchema.Attribute attribute, String column, String code, String reason) {}
}
