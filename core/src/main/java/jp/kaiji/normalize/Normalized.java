package jp.kaiji.normalize;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of normalizing one identifier: either a value or a {@link Failure} with its reason.
 *
 * <p>Normalizers never throw for bad input and never return a silently wrong value: a caller either
 * gets a key it can index and compare, or a failure it can quarantine and report.
 */
public sealed interface Normalized<T> {

  /** A successfully normalized value. */
  record Ok<T>(T value) implements Normalized<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Input that could not be normalized, and why. */
  record Failed<T>(Failure failure) implements Normalized<T> {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }

  static <T> Normalized<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Normalized<T> failed(IdentifierKind kind, String code, String reason) {
    return new Failed<>(new Failure(kind, code, reason));
  }

  default boolean isOk() {
    return this instanceof Ok<T>;
  }

  /** The value, or empty when normalization failed. */
  default Optional<T> toOptional() {
    return this instanceof Ok<T>(T v) ? Optional.of(v) : Optional.empty();
  }

  /** The failure, or empty when normalization succeeded. */
  default Optional<Failure> failureIfAny() {
    return this instanceof Failed<T>(Failure f) ? Optional.of(f) : Optional.empty();
  }

  default <R> Normalized<R> map(Function<? super T, ? extends R> fn) {
    return switch (this) {
      case Ok<T>(T v) -> new Ok<>(fn.apply(v));
      case Failed<T>(Failure f) -> new Failed<>(f);
    };
  }

  /** The value, or an {@link IllegalArgumentException} carrying the failure's reason. */
  default T orElseThrow() {
    return switch (this) {
      case Ok<T>(T v) -> v;
      case Failed<T>(Failure f) -> throw new IllegalArgumentException(f.toString());
    };
  }

  /**
   * Why an identifier could not be normalized.
   *
   * @param kind which identifier
   * @param code a stable machine-readable code, e.g. {@code date.no_such_day}
   * @param reason a human-readable reason; never repeats the full input (it may be personal data)
   */
  record Failure(IdentifierKind kind, String code, String reason) {
    public Failure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return kind.label() + ": " + reason + " [" + code + "]";
    }
  }
}
