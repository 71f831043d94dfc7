package jp.kaiji.http;

import jp.kaiji.service.SearchFailure;

/** The API's one answer to a search that could not run. */
public final class SearchFailures {
  private SearchFailures() {}

  /** The catalogue error for {@code f}; the compiler checks that every kind is answered. */
  public static ApiException toApi(SearchFailure f) {
    return switch (f) {
      case SearchFailure.InvalidIdentifier e ->
          // Refused only when no value can be used; the answer lists every one (field and code).
          new ApiException(
              ErrorCode.INVALID_FIELD,
              ErrorCode.INVALID_FIELD
                  .exception("subject." + e.field(), e.getMessage())
                  .getMessage(),
              "subject." + e.field(),
              e.unusable());
      case SearchFailure.NoIndex e -> ErrorCode.NO_INDEX.exception();
      case SearchFailure.EmptySearch e -> ErrorCode.EMPTY_SEARCH.exception();
    };
  }
}
