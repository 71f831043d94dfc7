package jp.kaiji.match;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IndexSchema;

/**
 * One record as the index returns it: where it comes from, the original as the source holds it, its
 * foreign keys and its normalized identifiers.
 *
 * @param sourceId the catalogue's source id
 * @param primaryKey the record's key within the source
 * @param company the company holding the source
 * @param category the data category id
 * @param rowNumber line or row where the record starts in the source
 * @param originalJson the record as received: a JSON object of every column in source order
 * @param refs foreign keys: {@code targetSource/targetKey}
 * @param identity its normalized identifiers
 * @param recordDate when the record was made (ISO), where the source says
 */
public record IndexedRecord(
    String sourceId,
    String primaryKey,
    String company,
    String category,
    long rowNumber,
    String originalJson,
    List<String> refs,
    IdentityKeys identity,
    Optional<String> recordDate) {

  public IndexedRecord {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(originalJson, "originalJson");
    refs = List.copyOf(refs);
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(recordDate, "recordDate");
  }

  public String docId() {
    return IndexSchema.docId(sourceId, primaryKey);
  }
}
