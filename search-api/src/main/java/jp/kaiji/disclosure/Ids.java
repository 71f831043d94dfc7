package jp.kaiji.disclosure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The JSON spelling of the package's enums: lower snake case, with errors naming the choices. */
final class Ids {
  private Ids() {}

  static String id(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E fromId(Class<E> type, String field, String id) {
    for (E e : type.getEnumConstants()) {
      if (id(e).equals(id)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        field
            + " '"
            + id
            + "' is unknown; expected one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Ids::id)
                .collect(Collectors.joining(", ")));
  }
}
