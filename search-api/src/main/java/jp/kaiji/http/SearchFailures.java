package jp.kaiji.http;

import jp.kaiji.service.SearchFailure;

/** The API's one answer to a search that could not run. */
public final class SearchFailures {
  private SearchFailures() {}

  /** The catalogue error for {@code f}; the compiler checks that every kind is answered. */
  public static ApiException toApi(SearchFailure f) {
    return switch (f) {
      case SearchFailure.InvalidIdentifier e ->
          ErrorCode.INVALID_FIELD.exception("subject." + e.field(), e.getMessage());
      case SearchFailure.NoIndex e -> ErrorCode.NO_INDEX.exception();
      case SearchFailure.EmptySearch e -> ErrorCode.EMPTY_SEARCH.exception();
    };
  }
}
