package jp.kaiji.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variant-kanji table ({@code kanji-variants.tsv}): 旧字体 and 異体字 mapped to the standard form
 * used in name keys. Loaded once; immutable and thread-safe.
 *
 * <p>The table maps a character only to its own standard form, so folding never merges two distinct
 * name kanji (広/弘/宏, 斉/斎 stay apart). Loading checks that no standard form is itself listed as a
 * variant, so one pass of folding is final and keys are idempotent.
 */
final class KanjiVariants {
  static final String RESOURCE = "kanji-variants.tsv";

  /** Variants folded in place names only, on top of {@link #RESOURCE}. */
  static final String PLACE_RESOURCE = "place-kanji-variants.tsv";

  /** One row of the table. */
  record Row(int variant, int standard, String note) {}

  private static final class Holder {
    static final KanjiVariants INSTANCE = load(RESOURCE);
  }

  private static final class PlaceHolder {
    static final KanjiVariants INSTANCE = load(RESOURCE, PLACE_RESOURCE);
  }

  private final Map<Integer, Row> byVariant;

  private KanjiVariants(Map<Integer, Row> byVariant) {
    this.byVariant = Map.copyOf(byVariant);
  }

  static KanjiVariants get() {
    return Holder.INSTANCE;
  }

  /** The table for place names: every name variant plus {@link #PLACE_RESOURCE}. */
  static KanjiVariants forPlaces() {
    return PlaceHolder.INSTANCE;
  }

  /** Every row, in no particular order. */
  List<Row> rows() {
    return List.copyOf(byVariant.values());
  }

  /** The standard form of a code point; the code point itself when it is not a listed variant. */
  int standardOf(int codePoint) {
    Row row = byVariant.get(codePoint);
    return row == null ? codePoint : row.standard();
  }

  private static KanjiVariants load(String... resources) {
    Map<Integer, Row> rows = new HashMap<>();
    for (String resource : resources) {
      read(resource, rows);
    }
    for (Row row : rows.values()) {
      if (rows.containsKey(row.standard())) {
        throw new IllegalStateException(
            String.join(" + ", resources)
                + ": standard form "
                + Character.toString(row.standard())
                + " is itself listed as a variant");
      }
    }
    return new KanjiVariants(rows);
  }

  private static void read(String resource, Map<Integer, Row> rows) {
    try (InputStream raw = KanjiVariants.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException(
            "missing resource " + resource + " next to " + KanjiVariants.class.getName());
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        String where = resource + " line " + lineNo;
        if (f.length != 3) {
          throw new IllegalStateException(
              where + ": expected 3 fields (variant, standard, note), got " + f.length);
        }
        int variant = single(f[0], where, "variant");
        int standard = single(f[1], where, "standard");
        if (variant == standard) {
          throw new IllegalStateException(where + ": variant equals standard");
        }
        if (rows.put(variant, new Row(variant, standard, f[2])) != null) {
          throw new IllegalStateException(where + ": variant listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static int single(String field, String where, String name) {
    if (field.isEmpty() || field.codePointCount(0, field.length()) != 1) {
      throw new IllegalStateException(where + ": field " + name + " must be exactly one character");
    }
    return field.codePointAt(0);
  }
}
