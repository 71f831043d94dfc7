package jp.kaiji.match;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record returned for a request, with why.
 *
 * @param record the record
 * @param tier how sure the match is
 * @param score the evidence score (sum of attribute weights; for a record reached through a foreign
 *     key, its parent's score)
 * @param attributes attribute-by-attribute comparison with the request
 * @param foundBy how the record was found
 * @param via for a record reached through a foreign key, the doc id of the matched record it points
 *     at ({@code sourceId/key})
 */
public record RecordMatch(
    IndexedRecord record,
    MatchTier tier,
    double score,
    List<AttributeMatch> attributes,
    FoundBy foundBy,
    Optional<String> via) {

  public RecordMatch {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(tier, "tier");
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(foundBy, "foundBy");
    Objects.requireNonNull(via, "via");
  }

  /** This match with one more explanation line, unless it has that line already. */
  RecordMatch withLine(AttributeMatch line) {
    if (attributes.contains(line)) {
      return this;
    }
    List<AttributeMatch> more = new java.util.ArrayList<>(attributes);
    more.add(line);
    return new RecordMatch(record, tier, score, more, foundBy, via);
  }

  /** How a record was found. */
  public enum FoundBy {
    /** By the identifiers the requester gave. */
    DIRECT,
    /** By identifiers found on the requester's confirmed records (a second, bounded round). */
    EXPANSION,
    /** Through a foreign key from a matched record (an order of a matched customer). */
    FOREIGN_KEY,
    /**
     * By a locator the requester gave (a visit, a call, a cookie id, an IP address and time): never
     * confirmed, a reviewer decides ({@link LocatorSearch}).
     */
    LOCATOR
  }
}
