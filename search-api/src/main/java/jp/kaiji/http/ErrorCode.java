package jp.kaiji.http;

import java.util.Locale;

/**
 * Every error the API returns, with a stable id that clients and tests may rely on. The message is
 * a template; {@code %s} is filled with the field or value the error is about (never personal
 * data).
 */
public enum ErrorCode {
  MALFORMED_JSON(400, "KJ-400-01", "the body is not valid JSON: %s"),
  UNKNOWN_FIELD(400, "KJ-400-02", "unknown field '%s'"),
  INVALID_FIELD(400, "KJ-400-03", "field '%s' is invalid: %s"),
  EMPTY_SEARCH(
      400,
      "KJ-400-04",
      "give at least one identifier (name, reading, birthDate, addresses, phones, emails) or locator"),
  BAD_PARAMETER(400, "KJ-400-05", "parameter '%s' is invalid: %s"),
  NOT_IN_RESULT(400, "KJ-400-06", "%s"),
  INVALID_REDACTION(400, "KJ-400-07", "%s"),
  UNREADABLE_BODY(
      400,
      "KJ-400-08",
      "the body could not be read: it ended before its Content-Length or its chunks are broken"),
  UNAUTHENTICATED(401, "KJ-401-01", "a valid bearer token is required"),
  FORBIDDEN(403, "KJ-403-01", "role %s may not %s"),
  NOT_FOUND(404, "KJ-404-01", "no %s"),
  METHOD_NOT_ALLOWED(405, "KJ-405-01", "method %s is not allowed here"),
  CONFLICT(409, "KJ-409-01", "%s"),
  REQUEST_EXISTS(409, "KJ-409-02", "%s"),
  INVALID_TRANSITION(409, "KJ-409-03", "%s"),
  UNDECIDED_RECORDS(409, "KJ-409-04", "%s"),
  PACKAGE_MISSING(409, "KJ-409-05", "%s"),
  INVALID_CATALOG(422, "KJ-422-01", "the source catalogue cannot be used: %s"),
  UNSUPPORTED_MEDIA_TYPE(415, "KJ-415-01", "send the body as application/json"),
  PAYLOAD_TOO_LARGE(413, "KJ-413-01", "the body is larger than %s bytes"),
  TOO_MANY_FAILED_AUTHENTICATIONS(
      429,
      "KJ-429-01",
      "too many failed authentications from this client; try again in %s seconds"),
  NO_INDEX(
      503,
      "KJ-503-01",
      "no intact index generation is serving: GET /health says why; run a rebuild"),
  INSUFFICIENT_STORAGE(
      507,
      "KJ-507-01",
      "the server's disk is full: the action was not stored; try again once space is freed"),
  INTERNAL(500, "KJ-500-01", "internal error (reference %s); the server log has the details");

  private final int status;
  private final String id;
  private final String template;

  ErrorCode(int status, String id, String template) {
    this.status = status;
    this.id = id;
    this.template = template;
  }

  public int status() {
    return status;
  }

  public String id() {
    return id;
  }

  /** An exception carrying this code, for handlers to throw; {@code ErrorHandler} renders it. */
  public ApiException exception(Object... args) {
    return new ApiException(this, String.format(Locale.ROOT, template, args), fieldOf(args));
  }

  /** Like {@link #exception} for an error about one named body field. */
  public ApiException exceptionAt(String field, Object... args) {
    return new ApiException(this, String.format(Locale.ROOT, template, args), field);
  }

  private String fieldOf(Object[] args) {
    return switch (this) {
      case UNKNOWN_FIELD, INVALID_FIELD, BAD_PARAMETER ->
          args.length > 0 ? String.valueOf(args[0]) : null;
      default -> null;
    };
  }
}
