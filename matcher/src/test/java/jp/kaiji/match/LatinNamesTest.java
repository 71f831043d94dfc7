package jp.kaiji.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LatinNamesTest {
  @RegisterExtension final TestSeed seed = new TestSeed();

  private static final List<String> WORDS =
      List.of(
          "nguyen",
          "tran",
          "garcia",
          "martinez",
          "silva",
          "santos",
          "kowalski",
          "johnson",
          "thi",
          "van",
          "maria",
          "jose",
          "lakshmi",
          "ramesh",
          "oliveira",
          "fernandes");

  @Test
  void oneLetterOffInEachWordIsASpellingVariant() {
    assertThat(LatinNames.variant("garcia maria", "garcai maria")).isPresent();
    assertThat(LatinNames.variant("johnson michael", "jonhson michael")).isPresent();
    assertThat(LatinNames.variant("fernandes oliveira", "fernandez olivera")).isPresent();
    // A letter dropped from a four-letter word leaves three: still one slip of that word.
    assertThat(LatinNames.variant("alexei pham", "alexei pam")).isPresent();
    assertThat(LatinNames.variant("cruz fernanda", "fernanda ruz")).isPresent();
  }

  @Test
  void aMiddleNameOnOneSideOnlyIsAVariant() {
    assertThat(LatinNames.variant("nguyen thi van", "nguyen van"))
        .hasValueSatisfying(why -> assertThat(why).contains("middle name"));
  }

  @Test
  void otherPeopleAreNotVariants() {
    assertThat(LatinNames.variant("garcia maria", "garcia jose")).isEmpty();
    assertThat(LatinNames.variant("silva ana", "silva ian")).isEmpty(); // short words: exact only
    assertThat(LatinNames.variant("santos maria", "maria")).isEmpty(); // one word never suffices
    assertThat(LatinNames.variant("kowalski jan", "kowalski jan piotr anna")).isEmpty();
  }

  /** Any name with one edit in one long word, and its words in any order, is still a variant. */
  @RepeatedTest(50)
  void randomSlipsAndOrdersAreVariants() {
    Random random = seed.random();
    List<String> name = new ArrayList<>();
    for (int i = 0; i < 2 + random.nextInt(2); i++) {
      name.add(WORDS.get(random.nextInt(WORDS.size())));
    }
    List<String> other = new ArrayList<>(name);
    int at = random.nextInt(other.size());
    String w = other.get(at);
    if (w.length() >= 4) {
      int i = 1 + random.nextInt(w.length() - 1);
      other.set(at, w.substring(0, i) + w.substring(i - 1, i) + w.substring(i)); // a doubled letter
    }
    Collections.shuffle(other, random);
    String a = String.join(" ", name.stream().sorted().toList());
    String b = String.join(" ", other.stream().sorted().toList());
    if (!a.equals(b)) {
      assertThat(LatinNames.variant(a, b)).as("%s / %s", a, b).isPresent();
    }
  }
}
