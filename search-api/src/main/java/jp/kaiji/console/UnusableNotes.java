package jp.kaiji.console;

import java.util.List;
import jp.kaiji.html.Html;
import jp.kaiji.schema.Unusable;

/**
 * The form values a search could not use, shown as text beside the field they belong to (never by
 * colour alone) and summed up above the results. Never shows the value: the requester wrote it,
 * staff can read it in the field.
 */
final class UnusableNotes {
  private UnusableNotes() {}

  /** The unusable values of one form field, e.g. {@code phones} for {@code phones[1]}. */
  static List<Unusable> of(List<Unusable> all, String field) {
    return all.stream()
        .filter(u -> u.field().equals(field) || u.field().startsWith(field + "["))
        .toList();
  }

  /** The id of the note beside {@code field}, for {@code aria-describedby}. */
  static String id(String field) {
    return "unusable-" + field;
  }

  /** One line per unusable value of {@code field}, or nothing. */
  static Html note(Messages m, List<Unusable> all, String field) {
    List<Unusable> mine = of(all, field);
    Html b = new Html();
    if (mine.isEmpty()) {
      return b;
    }
    b.open("ul", "class", "unusable", "id", id(field));
    for (Unusable u : mine) {
      b.el("li", m.t("unusable.note", position(u.field()), u.reason(), u.code()));
    }
    return b.close("ul");
  }

  /** Above the results: how many values were not used, pointing to the notes. */
  static Html summary(Messages m, List<Unusable> all) {
    Html b = new Html();
    if (all.isEmpty()) {
      return b;
    }
    String fields = String.join(", ", all.stream().map(Unusable::field).toList());
    return b.el(
        "p",
        m.t("unusable.summary", all.size(), fields),
        "class",
        "unusable-summary",
        "id",
        "unusable-summary",
        "role",
        "status");
  }

  /** The 1-based line of a multi-value field ({@code phones[1]} → 2), 1 for a single field. */
  private static int position(String field) {
    int open = field.indexOf('[');
    return open < 0 ? 1 : Integer.parseInt(field.substring(open + 1, field.length() - 1)) + 1;
  }
}
