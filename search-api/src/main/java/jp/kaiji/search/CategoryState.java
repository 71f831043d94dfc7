package jp.kaiji.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the answer says about one data category: found (with records), searched and nothing found,
 * or held but not findable by the identifiers given. A category is never "nothing held" merely
 * because no identifier matched: a holding that only a visit, a call, a cookie id or an IP address
 * can find is listed in {@code notFindable} with its retention and what the requester could give.
 *
 * @param category the category id
 * @param label its Japanese label
 * @param state the state
 * @param records how many records the search returned in this category
 * @param notFindable holdings of this category that what was given cannot find (empty when found by
 *     identifiers and nothing else is held)
 * @param expired holdings searched with a time past their retention: reported as not held
 */
public record CategoryState(
    String category,
    String label,
    State state,
    int records,
    List<Holding> notFindable,
    List<Holding> expired) {

  public CategoryState {
    notFindable = notFindable == null ? List.of() : List.copyOf(notFindable);
    expired = expired == null ? List.of() : List.copyOf(expired);
  }

  /** The three states of a category. */
  public enum State {
    FOUND,
    NOTHING_FOUND,
    HELD_NOT_FINDABLE;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a category with {@code records} found and these holdings not findable. */
    public static State of(long records, List<Holding> notFindable) {
      if (records > 0) {
        return FOUND;
      }
      return notFindable.isEmpty() ? NOTHING_FOUND : HELD_NOT_FINDABLE;
    }
  }

  /**
   * A source of the category as the answer names it.
   *
   * @param source the source id
   * @param company the company id
   * @param title what staff call it
   * @param retentionDays how long it keeps a record, when the catalogue says
   * @param couldGive what the requester could give to find it: {@code identity} (name, address,
   *     phone …), {@code visit}, {@code call}, {@code cookie}, {@code ip}
   */
  public record Holding(
      String source,
      String company,
      String title,
      Optional<Integer> retentionDays,
      List<String> couldGive) {
    public Holding {
      retentionDays = retentionDays == null ? Optional.empty() : retentionDays;
      couldGive = couldGive == null ? List.of() : List.copyOf(couldGive);
    }
  }
}
