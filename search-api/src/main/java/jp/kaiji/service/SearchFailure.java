package jp.kaiji.service;

import java.util.List;
import jp.kaiji.schema.RequestIdentity;
import jp.kaiji.schema.Unusable;
import jp.kaiji.search.SubjectSearchService;

/**
 * Why a subject search could not run, as one sealed type: an identifier that cannot be read, no
 * index generation serving yet, or a search without any identifier. The API ({@code
 * jp.kaiji.http.SearchFailures}) and the console ({@code jp.kaiji.console.ConsoleRequest}) each
 * turn it into an answer in one {@code switch}, which the compiler checks for completeness.
 *
 * <p>The matcher's own exceptions ({@link RequestIdentity.InvalidIdentifier}, {@link
 * SubjectSearchService.NoIndexException}, {@link SubjectSearchService.EmptySearchException}) become
 * a {@code SearchFailure} in {@link #run}, the one place that catches them.
 */
public abstract sealed class SearchFailure extends Exception
    permits SearchFailure.InvalidIdentifier, SearchFailure.NoIndex, SearchFailure.EmptySearch {

  private SearchFailure(String message) {
    super(message, null, false, false);
  }

  /**
   * The subject has values but none can be used (e.g. only 昭和50年2月30日 and an unreadable phone);
   * every one is listed. A search with one usable value runs and lists the others in its answer.
   */
  public static final class InvalidIdentifier extends SearchFailure {
    private final List<Unusable> unusable;

    InvalidIdentifier(List<Unusable> unusable, String message) {
      super(message);
      this.unusable = List.copyOf(unusable);
    }

    /** The first field within the subject, e.g. {@code phones[0]}. */
    public String field() {
      return unusable.getFirst().field();
    }

    /** Every unusable value of the subject, in form order. */
    public List<Unusable> unusable() {
      return unusable;
    }
  }

  /** No index generation serves yet: an administrator must run a rebuild. */
  public static final class NoIndex extends SearchFailure {
    NoIndex() {
      super("no index generation is serving yet");
    }
  }

  /** The subject carries no identifier at all. */
  public static final class EmptySearch extends SearchFailure {
    EmptySearch() {
      super("the subject has no identifier");
    }
  }

  /** A call into the subject search that may fail in the matcher's three ways. */
  @FunctionalInterface
  public interface SearchCall<T> {
    T run()
        throws RequestIdentity.InvalidIdentifier,
            SubjectSearchService.NoIndexException,
            SubjectSearchService.EmptySearchException;
  }

  /** Runs {@code call}, turning the matcher's three exceptions into a {@code SearchFailure}. */
  public static <T> T run(SearchCall<T> call) throws SearchFailure {
    try {
      return call.run();
    } catch (RequestIdentity.InvalidIdentifier e) {
      throw new InvalidIdentifier(e.unusable(), e.getMessage());
    } catch (SubjectSearchService.NoIndexException e) {
      throw new NoIndex();
    } catch (SubjectSearchService.EmptySearchException e) {
      throw new EmptySearch();
    }
  }
}
