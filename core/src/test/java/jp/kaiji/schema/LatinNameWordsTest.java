package jp.kaiji.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import jp.kaiji.query.SubjectQuery;
import org.junit.jupiter.api.Test;

/**
 * The words of a Latin-script name are retrieval keys on both sides, whatever their order and case:
 * what a source row is indexed by is what a request for the same name asks for.
 */
class LatinNameWordsTest {
  private static final List<String> WORDS =
      List.of("Maria", "Garcia", "Lopez", "Nguyen", "Minh", "Anh", "Smith", "Elena", "Van");

  @Test
  void aRowAndARequestOfTheSameWordsInAnyOrderShareTheirWordKeys() {
    Random random = new Random(20261207);
    for (int i = 0; i < 200; i++) {
      List<String> words = new ArrayList<>(WORDS);
      Collections.shuffle(words, random);
      List<String> name = new ArrayList<>(words.subList(0, 2 + random.nextInt(2)));
      List<String> row = wordKeys(String.join(" ", name).toUpperCase(java.util.Locale.ROOT));
      Collections.shuffle(name, random);
      List<String> request = requestWords(String.join(" ", name));

      assertThat(row).as("%s", name).hasSize(name.size()).containsExactlyElementsOf(request);
      assertThat(row)
          .containsExactlyInAnyOrderElementsOf(
              name.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList());
    }
  }

  @Test
  void aJapaneseNameOrOneWordHasNoWordKeys() {
    assertThat(wordKeys("真鍋 紗季")).isEmpty();
    assertThat(wordKeys("Madonna")).isEmpty();
    assertThat(requestWords("真鍋 紗季")).isEmpty();
  }

  private static List<String> wordKeys(String name) {
    return RecordNormalizer.normalize(LenientKeysTest.MAPPING, Map.of("name", name)).keys().stream()
        .filter(k -> k.field().equals(IndexSchema.NAME_WORD))
        .map(NormalizedRecord.Key::value)
        .toList();
  }

  private static List<String> requestWords(String name) {
    IdentityKeys.NameKey n =
        RequestIdentity.parse(
                new SubjectQuery(
                    Optional.of(name),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    List.of()))
            .keys()
            .names()
            .getFirst();
    return KeyRules.latinNameWords(n.latin(), n.fullKey().orElseThrow());
  }
}
