package jp.kaiji.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionsTest {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  static Redaction span(int start, int end) {
    return new Redaction("s/1", "body", start, end, "第三者", "suzuki", "t");
  }

  @ParameterizedTest(name = "{0} [{1},{2}) → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      妻の山田花子が注文した | 2 | 6  | 妻の［墨消し］が注文した
      山田花子               | 0 | 4  | ［墨消し］
      𠮷田さんと話した       | 0 | 2  | ［墨消し］さんと話した
      abc                    | 1 | 2  | a［墨消し］c
      """)
  void replacesCodePointSpans(String text, int start, int end, String expected) {
    assertThat(Redactions.redact(text, List.of(span(start, end)))).isEqualTo(expected);
  }

  @Test
  void overlappingSpansMergeIntoOneMark() {
    assertThat(Redactions.redact("0123456789", List.of(span(5, 8), span(1, 3), span(2, 6))))
        .isEqualTo("0［墨消し］89");
  }

  @Test
  void theOriginalIsNotChangedAndOnlyTextFieldsAreRedactable() throws Exception {
    JsonNode original = new ObjectMapper().readTree("{\"body\":\"妻の山田花子\",\"n\":5}");
    JsonNode redacted = Redactions.apply(original, List.of(span(2, 6)));
    assertThat(redacted.path("body").asText()).isEqualTo("妻の［墨消し］");
    assertThat(original.path("body").asText()).isEqualTo("妻の山田花子");
    assertThatThrownBy(() -> Redactions.check(original, "n", 0, 1))
        .hasMessageContaining("no text field 'n'");
    assertThatThrownBy(() -> Redactions.check(original, "body", 0, 7))
        .hasMessageContaining("runs past");
    assertThatThrownBy(() -> span(3, 3)).hasMessageContaining("end > start");
  }

  /** Whatever the spans, every code point outside them survives in order and none inside does. */
  @Test
  void randomSpansKeepExactlyTheUncoveredText() {
    long seed = testSeed.value();
    Random random = testSeed.random();
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(30);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        text.appendCodePoint('a' + i % 26);
      }
      List<Redaction> spans = new ArrayList<>();
      boolean[] covered = new boolean[n];
      for (int k = random.nextInt(4); k > 0; k--) {
        int s = random.nextInt(n);
        int e = s + 1 + random.nextInt(n - s);
        spans.add(span(s, e));
        for (int i = s; i < e; i++) {
          covered[i] = true;
        }
      }
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (!covered[i]) {
          kept.appendCodePoint(text.codePointAt(i));
        }
      }
      String out = Redactions.redact(text.toString(), spans);
      assertThat(out.replace(Redaction.MARK, ""))
          .as("seed %d, round %d", seed, round)
          .isEqualTo(kept.toString());
    }
  }
}
