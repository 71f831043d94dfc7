package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KanjiVariantsTest {
  private final List<KanjiVariants.Row> rows = KanjiVariants.get().rows();

  @Test
  void tableIsLoadedAndFinal() {
    assertThat(rows).hasSizeGreaterThan(250);
    Set<Integer> variants = new HashSet<>();
    rows.forEach(r -> variants.add(r.variant()));
    for (KanjiVariants.Row r : rows) {
      assertThat(variants)
          .as("standard %s is not itself a variant", Character.toString(r.standard()))
          .doesNotContain(r.standard());
      assertThat(Character.UnicodeScript.of(r.variant())).isEqualTo(Character.UnicodeScript.HAN);
      assertThat(Character.UnicodeScript.of(r.standard())).isEqualTo(Character.UnicodeScript.HAN);
      // Rows must survive NFKC, which runs first: a row whose variant NFKC rewrites would be dead.
      String v = Character.toString(r.variant());
      assertThat(Normalizer.normalize(v, Normalizer.Form.NFKC)).isEqualTo(v);
    }
  }

  @Test
  void standardsThatAreDistinctNamesAreNeverMerged() {
    // Two standard forms that are different name kanji must never share a variant; and the
    // pairs people confuse by shape must not be rows at all.
    Map<Integer, Integer> byVariant = new HashMap<>();
    rows.forEach(r -> byVariant.put(r.variant(), r.standard()));
    for (String pair :
        List.of("弘広", "宏広", "斎斉", "斉斎", "択沢", "鳥島", "返辺", "龍竜", "竜龍", "埼崎", "臺台", "餘余")) {
      assertThat(Objects.equals(byVariant.get(pair.codePointAt(0)), pair.codePointAt(1)))
          .as("%s must not fold to %s", pair.substring(0, 1), pair.substring(1))
          .isFalse();
    }
    assertThat(byVariant.get((int) '齋')).isEqualTo((int) '斎');
    assertThat(byVariant.get((int) '齊')).isEqualTo((int) '斉');
  }
}
