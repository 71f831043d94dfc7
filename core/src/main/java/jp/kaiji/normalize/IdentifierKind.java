package jp.kaiji.normalize;

/** The kinds of identifier a record or a request can carry. */
public enum IdentifierKind {
  NAME("name"),
  READING("reading"),
  BIRTH_DATE("birth date"),
  POSTCODE("postcode"),
  ADDRESS("address"),
  PHONE("phone"),
  EMAIL("e-mail"),
  SEX("sex"),
  ISSUED_ID("issued number"),
  /** A store, cookie or device id, IP address or time that finds a record without a name. */
  LOCATOR("locator");

  private final String label;

  IdentifierKind(String label) {
    this.label = label;
  }

  /** A short English label used in messages and explanations. */
  public String label() {
    return label;
  }
}
