package jp.kaiji.catalog;

import java.util.Objects;

/**
 * A column that points at another source's record: the record belongs to whoever that record
 * belongs to (an order row holding only {@code customer_id} is that customer's).
 *
 * @param column the column in this source
 * @param source the id of the source it points into
 */
public record ForeignKey(String column, String source) {
  public ForeignKey {
    Objects.requireNonNull(column, "foreign key column");
    Objects.requireNonNull(source, "foreign key source");
  }
}
