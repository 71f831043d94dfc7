package jp.kaiji.match.lucene;

import static jp.kaiji.match.SubjectIndexContract.row;
import static jp.kaiji.match.SubjectIndexContract.source;
import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.match.ForwardingSnapshot;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.match.RecordMatch;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndexContract.SourceRows;
import jp.kaiji.match.SubjectMatcher;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.RequestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name held by many records brings its namesakes as candidates no more: it retrieves only with
 * the request's birth date, a place or an identifier, so the requester's records are still found
 * and the namesakes are never read. All data made up.
 */
class CommonNameRetrievalTest {
  private static final SourceDefinition MEMBERS =
      source(
          "members",
          "id",
          mapping().fullName("name").birthDate("birth").phones("phone").build(),
          List.of());

  @TempDir Path dir;

  @Test
  void theRequestersRecordsAreFoundAndTheNamesakesAreNotRead() throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      rows.add(
          row(
              "id",
              "n" + i,
              "name",
              "Maria Garcia",
              "birth",
              String.format(Locale.ROOT, "19%02d-03-%02d", 40 + i % 50, 1 + i % 28),
              "phone",
              String.format(Locale.ROOT, "090-5555-%04d", i)));
    }
    rows.add(row("id", "r1", "name", "Maria Garcia", "birth", "1991-07-14"));
    rows.add(row("id", "r2", "name", "GARCIA Maria", "phone", "080-2222-3333"));
    IndexGenerations generations = new IndexGenerations(dir);
    TestGenerations.publish(generations, List.of(new SourceRows(MEMBERS, rows)));
    SubjectQuery form =
        new SubjectQuery(
            Optional.of("Maria Garcia"),
            Optional.empty(),
            List.of(),
            Optional.of("1991-07-14"),
            List.of(),
            List.of("080-2222-3333"),
            List.of());

    AtomicInteger read = new AtomicInteger();
    Map<String, RecordMatch> found;
    try (LuceneSubjectIndex index = new LuceneSubjectIndex(generations);
        SubjectIndex.Snapshot snapshot = index.acquire().orElseThrow()) {
      SubjectIndex.Snapshot counting = new CountingFinds(snapshot, read);
      found =
          new SubjectMatcher(MatchPolicy.defaults())
              .match(counting, RequestIdentity.parse(form).keys()).stream()
                  .collect(Collectors.toMap(m -> m.record().docId(), m -> m));
    }
    assertThat(found).containsOnlyKeys("members/r1", "members/r2");
    // Without the rule every holder of the name is a candidate of the first retrieval (82).
    assertThat(read.get()).isLessThan(20);
  }

  /** Counts the records the matcher's candidate retrievals return. */
  private static final class CountingFinds extends ForwardingSnapshot {
    private final AtomicInteger read;

    CountingFinds(SubjectIndex.Snapshot inner, AtomicInteger read) {
      super(inner);
      this.read = read;
    }

    @Override
    public List<IndexedRecord> find(SubjectIndex.CandidateQuery query, int limit) {
      List<IndexedRecord> out = inner.find(query, limit);
      read.addAndGet(out.size());
      return out;
    }
  }
}
