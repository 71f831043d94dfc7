package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The address classes of issue 15 over random directory towns (seeded through {@link TestSeed}):
 * each respelling gives the keys of the plain spelling, and distinct blocks never share a key.
 */
class AddressClassProperties {
  private static final int TRIES = 150;
  private static final Pattern LINKING = Pattern.compile("(\\p{IsHan})[ヶケが](?=\\p{IsHan})");
  private static final List<PostcodeDirectory.Place> PLACES =
      PostcodeDirectory.get().places().stream()
          .filter(p -> p.town().matches("[^0-9０-９、]+") && !p.town().contains("番地"))
          .toList();

  @RegisterExtension final TestSeed seed = new TestSeed();

  @Test
  void ヶケがSpellingsOfANameShareKeys() {
    Random r = seed.random();
    List<PostcodeDirectory.Place> pool = pool(p -> LINKING.matcher(p.city() + p.town()).find());
    for (int i = 0; i < TRIES; i++) {
      PostcodeDirectory.Place p = pool.get(r.nextInt(pool.size()));
      String block = block(r);
      List<Address.Key> keys = keys(p.prefecture() + p.city() + p.town() + block);
      assertThat(keys).hasSize(3);
      for (String kana : List.of("ヶ", "ケ", "が", "ヵ")) {
        String respelt = LINKING.matcher(p.city() + p.town()).replaceAll("$1" + kana);
        assertThat(keys(p.prefecture() + respelt + block)).as(respelt).isEqualTo(keys);
      }
    }
  }

  @Test
  void aPrefectureWithoutItsSuffixOrASubdivisionNameChangesNoKey() {
    Random r = seed.random();
    // A 丁目 town has no 字 subdivision after it (本町二丁目字宮前 is no address).
    List<PostcodeDirectory.Place> pool =
        pool(p -> !p.prefecture().equals("北海道") && !p.town().endsWith("丁目"));
    for (int i = 0; i < TRIES; i++) {
      PostcodeDirectory.Place p = pool.get(r.nextInt(pool.size()));
      String pref = p.prefecture();
      String block = (1 + r.nextInt(2000)) + "-" + (1 + r.nextInt(40));
      List<Address.Key> keys = keys(pref + p.city() + p.town() + block);
      String shortPref = pref.substring(0, pref.length() - 1);
      assertThat(keys(shortPref + p.city() + p.town() + block)).isEqualTo(keys);
      String aza = "字" + "中島川端宮前西原北浦".substring(r.nextInt(5) * 2).substring(0, 2);
      assertThat(keys(pref + p.city() + p.town() + aza + block)).as(aza).isEqualTo(keys);
      assertThat(keys(pref + p.city() + p.town() + "小" + aza + block)).isEqualTo(keys);
    }
  }

  @Test
  void blocksThatDifferInAnyNumberHaveDifferentKeys() {
    Random r = seed.random();
    for (int i = 0; i < TRIES; i++) {
      PostcodeDirectory.Place p = PLACES.get(r.nextInt(PLACES.size()));
      String head = p.prefecture() + p.city() + p.town();
      int n = 2 + r.nextInt(3);
      int[] numbers = new int[n];
      for (int k = 0; k < n; k++) {
        numbers[k] = 1 + r.nextInt(30);
      }
      int[] other = numbers.clone();
      int changed = r.nextInt(n);
      other[changed] += 1 + r.nextInt(20);
      List<Address.Key> a = keys(head + join(numbers, "-"));
      List<Address.Key> b = keys(head + join(other, "-"));
      assertThat(a.get(2)).isNotEqualTo(b.get(2));
      assertThat(keys(head + join(numbers, "ー"))).isEqualTo(a);
      assertThat(a.get(2).value()).endsWith(join(numbers, "-"));
    }
  }

  @Test
  void variantKanjiInAPlaceNameChangeNoKey() {
    Random r = seed.random();
    KanjiVariants variants = KanjiVariants.forPlaces();
    java.util.Map<Integer, Integer> variantOf = new java.util.HashMap<>();
    variants.rows().stream()
        .filter(row -> Character.isBmpCodePoint(row.variant()))
        .forEach(row -> variantOf.putIfAbsent(row.standard(), row.variant()));
    List<PostcodeDirectory.Place> pool =
        pool(p -> (p.city() + p.town()).chars().anyMatch(variantOf::containsKey));
    for (int i = 0; i < TRIES; i++) {
      PostcodeDirectory.Place p = pool.get(r.nextInt(pool.size()));
      String block = block(r);
      List<Address.Key> keys = keys(p.prefecture() + p.city() + p.town() + block);
      StringBuilder respelt = new StringBuilder();
      (p.city() + p.town())
          .chars()
          .forEach(c -> respelt.appendCodePoint(variantOf.getOrDefault(c, c)));
      assertThat(keys(p.prefecture() + respelt + block)).as(respelt.toString()).isEqualTo(keys);
    }
  }

  private static List<PostcodeDirectory.Place> pool(Predicate<PostcodeDirectory.Place> filter) {
    return PLACES.stream().filter(filter).toList();
  }

  private static String block(Random r) {
    return (1 + r.nextInt(9)) + "丁目" + (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(30));
  }

  private static String join(int[] numbers, String dash) {
    StringBuilder b = new StringBuilder();
    for (int n : numbers) {
      b.append(b.isEmpty() ? "" : dash).append(n);
    }
    return b.toString();
  }

  private static List<Address.Key> keys(String text) {
    return Addresses.normalize(text).orElseThrow().keys();
  }
}
