package jp.kaiji.catalog;

import java.util.List;

/**
 * A catalogue that cannot be used, with every problem found. Each problem is one line naming the
 * source (or company) and the field, e.g. {@code source 'shop-orders': foreignKeys[0].source
 * 'shop-customer' is not a source of the catalogue}. The message never holds record values.
 */
public final class CatalogException extends Exception {
  private final List<String> problems;

  public CatalogException(String file, List<String> problems) {
    super(
        file
            + ": "
            + (problems.size() == 1
                ? problems.getFirst()
                : problems.size() + " problems: " + String.join("; ", problems)));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
