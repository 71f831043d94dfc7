package jp.kaiji.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringsTest {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  @ParameterizedTest
  @CsvSource({
    "山田太郎, 山田太郎, true",
    "山田太郎, 山田太朗, true",
    "山田太郎, 山田太, true",
    "山田太郎, 山田太郎郎, true",
    "山田太郎, 田太郎, true",
    "山田太郎, 山太朗, false",
    "ab, ba, false",
    "abc, abcde, false",
    "'', a, true",
  })
  void editDistanceAtMostOne(String a, String b, boolean expected) {
    assertThat(Strings.editDistanceAtMostOne(a, b)).isEqualTo(expected);
    assertThat(Strings.editDistanceAtMostOne(b, a)).isEqualTo(expected);
  }

  @Test
  void agreesWithFullLevenshteinOnRandomStrings() {
    long seed = testSeed.value();
    Random random = testSeed.random();
    for (int i = 0; i < 5000; i++) {
      String a = randomString(random);
      String b = randomString(random);
      assertThat(Strings.editDistanceAtMostOne(a, b))
          .as("seed %d: '%s' vs '%s'", seed, a, b)
          .isEqualTo(levenshtein(a, b) <= 1);
    }
  }

  @Test
  void swappedNeighboursIsExactlyOneTranspositionOfTwoDifferentNeighbours() {
    Random random = testSeed.random();
    for (int n = 0; n < 5000; n++) {
      String a = randomString(random);
      String b = randomString(random);
      int diffs = 0;
      int first = -1;
      for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
        if (a.charAt(i) != b.charAt(i)) {
          diffs++;
          first = first < 0 ? i : first;
        }
      }
      boolean expected =
          a.length() == b.length()
              && diffs == 2
              && a.charAt(first) == b.charAt(first + 1)
              && a.charAt(first + 1) == b.charAt(first);
      assertThat(Strings.swappedNeighbours(a, b)).as("'%s' vs '%s'", a, b).isEqualTo(expected);
    }
    assertThat(Strings.swappedNeighbours("19670625", "19760625")).isTrue();
    assertThat(Strings.swappedNeighbours("19670625", "19670625")).isFalse();
  }

  private static String randomString(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      sb.append("あいう".charAt(r.nextInt(3)));
    }
    return sb.toString();
  }

  private static int levenshtein(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.length()][b.length()];
  }
}
