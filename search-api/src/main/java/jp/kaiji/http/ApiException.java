package jp.kaiji.http;

import java.util.Optional;

/** A request that cannot be served, with the error code and message the client receives. */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final Optional<String> field;

  ApiException(ErrorCode code, String message, String field) {
    super(message, null, false, false);
    this.code = code;
    this.field = Optional.ofNullable(field);
  }

  public ErrorCode code() {
    return code;
  }

  /** The request field the error is about, when there is one. */
  public Optional<String> field() {
    return field;
  }
}
