package jp.kaiji.match.lucene;

import static jp.kaiji.match.SubjectIndexContract.row;
import static jp.kaiji.match.SubjectIndexContract.source;
import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.match.MatchTier;
import jp.kaiji.match.RecordMatch;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndexContract.SourceRows;
import jp.kaiji.match.SubjectMatcher;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.RequestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 on a real index: a record that names the requester only in katakana, and shares no other
 * key with the request, is still retrieved for a request in Latin letters, through the katakana
 * keys the request's name is guessed to have. All data made up.
 */
class KatakanaRetrievalTest {
  private static final SourceDefinition SHIPMENTS =
      source("shipments", "id", mapping().fullName("name").recordDate("date").build(), List.of());

  @TempDir Path dir;

  @Test
  void aKatakanaRecordIsACandidateForALatinNameAndAFamilyMemberIsNot() throws Exception {
    Map<String, RecordMatch> found =
        search(
            "Maria GARCIA",
            List.of(
                row("id", "s1", "name", "ガルシア・マリア", "date", "2022-01-01"),
                row("id", "s2", "name", "マリア　ガルシア", "date", "2022-02-01"),
                row("id", "s3", "name", "ガルシア アナ", "date", "2022-03-01"),
                row("id", "s4", "name", "ロドリゲス マリア", "date", "2022-04-01")));
    assertThat(found.get("shipments/s1").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found.get("shipments/s2").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found).doesNotContainKey("shipments/s3").doesNotContainKey("shipments/s4");
  }

  @Test
  void aGuessOneKanaOffStillRetrieves() throws Exception {
    // The guess for Patel Anil is パテルアニル, one kana from what the record holds (アニール).
    Map<String, RecordMatch> found =
        search("Anil Patel", List.of(row("id", "s5", "name", "パテル アニール", "date", "2022-05-01")));
    assertThat(found).containsKey("shipments/s5");
  }

  private Map<String, RecordMatch> search(String name, List<Map<String, String>> shipments)
      throws Exception {
    IndexGenerations generations = new IndexGenerations(dir);
    TestGenerations.publish(generations, List.of(new SourceRows(SHIPMENTS, shipments)));
    SubjectQuery form =
        new SubjectQuery(
            Optional.of(name),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of());
    try (LuceneSubjectIndex index = new LuceneSubjectIndex(generations);
        SubjectIndex.Snapshot snapshot = index.acquire().orElseThrow()) {
      return new SubjectMatcher(MatchPolicy.defaults())
          .match(snapshot, RequestIdentity.parse(form).keys()).stream()
              .collect(Collectors.toMap(m -> m.record().docId(), Function.identity()));
    }
  }
}
