package jp.kaiji.match;

/**
 * Independent lines of evidence. A confirmed match needs two of them. Family name, address and
 * landline are shared by a household and therefore together form a single line ({@link
 * #HOUSEHOLD}): a family member, a twin or a namesake can never reach two lines from what they
 * share with the requester.
 */
public enum Evidence {
  /**
   * The full name, current or former, in kanji or by reading: the given name tells people apart.
   */
  NAME,
  BIRTH_DATE,
  /** A mobile number: one holder at a time. */
  MOBILE,
  EMAIL,
  /** A number the group issued (member, customer, employee number): one account's holder. */
  ISSUED_ID,
  /** The sex: it only ever disagrees, since half of everyone shares it. */
  SEX,
  /** Address, fixed line and family name: shared by everyone living together. */
  HOUSEHOLD,
  /**
   * A store visit, a call's number and time, a cookie id, an IP address and time: where and when,
   * not who. Never counts towards a confirmation.
   */
  LOCATOR
}
