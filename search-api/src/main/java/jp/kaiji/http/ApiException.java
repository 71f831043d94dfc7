package jp.kaiji.http;

import java.util.List;
import java.util.Optional;
import jp.kaiji.schema.Unusable;

/** A request that cannot be served, with the error code and message the client receives. */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final Optional<String> field;
  private final List<Unusable> unusable;

  ApiException(ErrorCode code, String message, String field) {
    this(code, message, field, List.of());
  }

  ApiException(ErrorCode code, String message, String field, List<Unusable> unusable) {
    super(message, null, false, false);
    this.code = code;
    this.field = Optional.ofNullable(field);
    this.unusable = List.copyOf(unusable);
  }

  /** Every form value that could not be used, for a search refused because none could. */
  public List<Unusable> unusable() {
    return unusable;
  }

  public ErrorCode code() {
    return code;
  }

  /** The request field the error is about, when there is one. */
  public Optional<String> field() {
    return field;
  }
}
