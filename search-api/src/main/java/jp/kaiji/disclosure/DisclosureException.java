package jp.kaiji.disclosure;

import java.util.Optional;

/** A request operation refused, with why; the API turns the kind into its error code. */
public final class DisclosureException extends Exception {
  /** Why an operation was refused. */
  public enum Kind {
    /** No request with that reference. */
    NOT_FOUND,
    /** A request with that reference exists already. */
    EXISTS,
    /** The request's status does not allow the operation (e.g. a package before review). */
    INVALID_TRANSITION,
    /** A decision or redaction names a record that the stored result does not hold. */
    NOT_IN_RESULT,
    /** Needs-review records are still undecided. */
    UNDECIDED,
    /** A redaction does not fit its record. */
    INVALID_REDACTION,
    /** The exported archive is gone or no longer matches its recorded SHA-256. */
    PACKAGE_MISSING
  }

  private final Kind kind;
  private final Optional<String> field;

  public DisclosureException(Kind kind, String message) {
    this(kind, message, null);
  }

  public DisclosureException(Kind kind, String message, String field) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = Optional.ofNullable(field);
  }

  public Kind kind() {
    return kind;
  }

  /** The body field the refusal is about, when there is one. */
  public Optional<String> field() {
    return field;
  }
}
