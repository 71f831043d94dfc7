package jp.kaiji.match;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How sure Kaiji is that a record is the requester's. Anything weaker is not returned. */
public enum MatchTier {
  /** Two independent identifiers agree and nothing contradicts: the requester's record. */
  CONFIRMED,
  /** Some evidence, not enough to confirm: a reviewer decides. */
  NEEDS_REVIEW;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
