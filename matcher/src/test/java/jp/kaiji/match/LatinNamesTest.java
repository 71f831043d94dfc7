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
        .hasValueSatisfying(p -> assertThat(p.why()).contains("middle name"));
  }

  /** Issue 13: two words written as one (Maryann, Delacruz, O Brien) are the same name. */
  @Test
  void wordsWrittenTogetherAreAVariant() {
    // Name keys hold their words sorted, so the joined words need not be neighbours.
    assertThat(LatinNames.variant("ann lee mary", "lee maryann"))
        .hasValueSatisfying(
            p -> assertThat(p.why()).isEqualTo("written together mary ann/maryann"));
    assertThat(LatinNames.variant("cruz dela jose", "delacruz jose")).isPresent();
    assertThat(LatinNames.variant("berg anna der van", "anna vanderberg")).isPresent();
    assertThat(LatinNames.variant("johnsmith", "john smith")).isPresent();
    // A one-letter word is an initial, never joined (O Brien pairs as a slip of Obrien instead).
    assertThat(LatinNames.variant("brien o siobhan", "obrien siobhan"))
        .hasValueSatisfying(p -> assertThat(p.why()).doesNotContain("written together"));
  }

  /** A name field holding dozens of words is compared word for word, never respelt by joins. */
  @Test
  void aNameOfManyWordsIsNotJoined() {
    String many = String.join(" ", java.util.Collections.nCopies(40, "maria"));
    assertThat(LatinNames.variant(many + " ann lee mary", many + " lee maryann")).isEmpty();
    assertThat(LatinNames.variant("ann lee maria mary", "lee maria maryann")).isPresent();
  }

  /** A join is letter for letter: joined and misspelt at once is too far to call one name. */
  @Test
  void aJoinWithASlipOrAnotherWordIsNoVariant() {
    assertThat(LatinNames.variant("ann lee mary", "lee maryan")).isEmpty();
    assertThat(LatinNames.variant("ann lee mary", "lee marysue")).isEmpty();
    assertThat(LatinNames.variant("johnsmith", "john smyth")).isEmpty();
  }

  /**
   * Issue 13: a given name written as its initial pairs with the word it begins, beside a whole
   * word, and says so: the comparator weighs it as what a household shares.
   */
  @Test
  void anInitialPairsWithTheWordItBeginsBesideAWholeWord() {
    assertThat(LatinNames.variant("john smith", "j smith"))
        .hasValueSatisfying(
            p -> {
              assertThat(p.byInitial()).isTrue();
              assertThat(p.why()).isEqualTo("initial john/j");
            });
    assertThat(LatinNames.variant("maria santos", "m santos")).isPresent();
    assertThat(LatinNames.variant("john smith", "k smith")).isEmpty();
    assertThat(LatinNames.variant("john smith", "j s")).isEmpty(); // two initials, no whole word
    assertThat(LatinNames.variant("john smith", "j")).isEmpty();
    assertThat(LatinNames.variant("garcia maria", "garcai maria"))
        .hasValueSatisfying(p -> assertThat(p.byInitial()).isFalse());
  }

  @Test
  void otherPeopleAreNotVariants() {
    assertThat(LatinNames.variant("garcia maria", "garcia jose")).isEmpty();
    assertThat(LatinNames.variant("silva ana", "silva ian")).isEmpty(); // short words: exact only
    assertThat(LatinNames.variant("santos maria", "maria")).isEmpty(); // one word never suffices
    assertThat(LatinNames.variant("kowalski jan", "kowalski jan piotr anna")).isEmpty();
  }

  /** Any name with two of its words written as one, and the rest in any order, is a variant. */
  @RepeatedTest(50)
  void randomJoinsAreVariantsAndSayWhichWords() {
    Random random = seed.random();
    List<String> name = new ArrayList<>();
    for (int i = 0; i < 2 + random.nextInt(2); i++) {
      name.add(WORDS.get(random.nextInt(WORDS.size())));
    }
    List<String> other = new ArrayList<>(name);
    Collections.shuffle(other, random);
    String together = other.remove(0) + other.remove(0);
    other.add(together);
    String a = String.join(" ", name.stream().sorted().toList());
    String b = String.join(" ", other.stream().sorted().toList());
    assertThat(LatinNames.variant(a, b))
        .as("%s / %s", a, b)
        .hasValueSatisfying(p -> assertThat(p.why()).contains("written together"));
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
