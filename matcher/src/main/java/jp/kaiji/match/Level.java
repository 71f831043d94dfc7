package jp.kaiji.match;

/** How one attribute of a record compares with what the requester gave, strongest first. */
public enum Level {
  /** The same key. */
  SAME,
  /** The same after a folding that the explanation names (variant kanji, kana script, hash). */
  EQUIVALENT,
  /** Close but not equal: a slip in a reading, a typo, the same town with another block. */
  CLOSE,
  /** Both sides have the attribute and it disagrees. */
  DIFFERENT,
  /** One side does not have the attribute. */
  ABSENT;

  /** SAME or EQUIVALENT: counts as an agreeing identifier. */
  public boolean agrees() {
    return this == SAME || this == EQUIVALENT;
  }
}
