package jp.kaiji.match.lucene;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.catalog.LocatorMapping;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.catalog.SourceKind;
import jp.kaiji.match.LocatorIndex;
import jp.kaiji.match.LocatorSearch;
import jp.kaiji.match.MatchTier;
import jp.kaiji.match.RecordMatch;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndexContract.SourceRows;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.LocatorTerm;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Footage and web-log records found by a store or cookie and a time window, on a real index. */
class LocatorSearchTest {
  @RegisterExtension final TestSeed seed = new TestSeed();
  @TempDir Path dir;

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final IdentityMapping NONE = mapping().build();

  static SourceDefinition footage() {
    return source(
        "footage",
        new LocatorMapping(
            Optional.of("store"),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.of("start"),
            Optional.of("end"),
            Optional.empty(),
            Optional.empty()));
  }

  static SourceDefinition weblog() {
    return source(
        "weblog",
        new LocatorMapping(
            Optional.empty(),
            Optional.empty(),
            List.of("cookie"),
            Optional.of("ip"),
            Optional.of("at"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  private static SourceDefinition source(String id, LocatorMapping l) {
    return new SourceDefinition(
            id,
            "shop",
            id,
            SourceKind.CSV,
            Optional.of(id + ".csv"),
            Optional.empty(),
            Optional.empty(),
            "id",
            NONE,
            List.of(),
            DataCategory.CUSTOMER,
            "p",
            false)
        .withHoldings(Optional.of(l), Optional.of(28), Optional.empty());
  }

  private static Map<String, String> clip(String id, String store, String start, String end) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("store", store);
    m.put("start", start);
    m.put("end", end);
    return m;
  }

  private static long at(String t) {
    return LocalDateTime.parse(t).atZone(TOKYO).toEpochSecond();
  }

  private static LocatorTerm visit(String store, String from, String to) {
    return new LocatorTerm(
        LocatorTerm.Kind.VISIT,
        IndexSchema.LOC_STORE,
        store,
        OptionalLong.of(at(from)),
        OptionalLong.of(at(to)),
        "locators.visits[0]");
  }

  private SubjectIndex index(List<SourceRows> sources) throws Exception {
    IndexGenerations generations = new IndexGenerations(dir);
    TestGenerations.publish(generations, sources);
    return new LuceneSubjectIndex(generations);
  }

  private static List<String> found(SubjectIndex.Snapshot s, LocatorTerm t) {
    return LocatorSearch.find(s, List.of(t), Map.of()).stream()
        .map(m -> m.record().primaryKey())
        .toList();
  }

  @Test
  void aVisitFindsTheClipsItTouchesAtBothEdgesAndNothingOutside() throws Exception {
    SubjectIndex index =
        index(
            List.of(
                new SourceRows(
                    footage(),
                    List.of(
                        clip("A", "S012", "2026-11-20 14:00:00", "2026-11-20 14:15:00"),
                        clip("B", "S012", "2026-11-20 14:15:01", "2026-11-20 14:30:00"),
                        clip("C", "S013", "2026-11-20 14:00:00", "2026-11-20 14:30:00")))));
    try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
      // Inside: a window within clip A, at store S012 only (C is another store).
      assertThat(found(s, visit("S012", "2026-11-20T14:05", "2026-11-20T14:10")))
          .containsExactly("A");
      // The window ends exactly when A starts, and starts exactly when B ends: both edges count.
      assertThat(found(s, visit("S012", "2026-11-20T13:50", "2026-11-20T14:00")))
          .containsExactly("A");
      assertThat(found(s, visit("S012", "2026-11-20T14:30", "2026-11-20T14:40")))
          .containsExactly("B");
      // One second short of either edge, and well outside: nothing.
      assertThat(found(s, visit("S012", "2026-11-20T13:50", "2026-11-20T13:59:59"))).isEmpty();
      assertThat(found(s, visit("S012", "2026-11-20T14:30:01", "2026-11-20T14:40"))).isEmpty();
      assertThat(found(s, visit("S012", "2026-11-21T14:00", "2026-11-21T15:00"))).isEmpty();
      // A window spanning both clips finds both; every match is for review, found by locator.
      List<RecordMatch> both =
          LocatorSearch.find(
              s, List.of(visit("S012", "2026-11-20T14:10", "2026-11-20T14:20")), Map.of());
      assertThat(both).extracting(m -> m.record().primaryKey()).containsExactly("A", "B");
      assertThat(both)
          .allSatisfy(
              m -> {
                assertThat(m.tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
                assertThat(m.foundBy()).isEqualTo(RecordMatch.FoundBy.LOCATOR);
                assertThat(m.attributes().getFirst().explanation())
                    .startsWith("same store, record 2026-11-20 14:");
              });
    }
  }

  @Test
  void aClipPastRetentionIsNotHeld() throws Exception {
    SubjectIndex index =
        index(
            List.of(
                new SourceRows(
                    footage(),
                    List.of(
                        clip("OLD", "S012", "2026-10-01 10:00:00", "2026-10-01 10:15:00"),
                        clip("NEW", "S012", "2026-11-20 10:00:00", "2026-11-20 10:15:00")))));
    long cutoff = at("2026-11-01T00:00"); // now − 28 days, say
    try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
      LocatorTerm both = visit("S012", "2026-10-01T00:00", "2026-11-30T00:00");
      assertThat(found(s, both)).containsExactly("NEW", "OLD");
      assertThat(LocatorSearch.find(s, List.of(both), Map.of("footage", cutoff)))
          .extracting(m -> m.record().primaryKey())
          .containsExactly("NEW");
      LocatorIndex li = (LocatorIndex) s;
      assertThat(li.heldSince("footage", cutoff)).isEqualTo(1);
      assertThat(li.heldSince("footage", at("2026-12-01T00:00"))).isZero();
      // Counted per minute: within the minute the last clip ended it is still held, not after.
      assertThat(li.heldSince("footage", at("2026-11-20T10:15:30"))).isEqualTo(1);
      assertThat(li.heldSince("footage", at("2026-11-20T10:16"))).isZero();
    }
  }

  @Test
  void aCookieIsFoundAtAnyTimeAndAnIpOnlyWithinItsWindow() throws Exception {
    Map<String, String> hit = new LinkedHashMap<>();
    hit.put("id", "1");
    hit.put("cookie", "c-7f3a91");
    hit.put("ip", "203.0.113.7");
    hit.put("at", "2026-11-19 21:10:00");
    SubjectIndex index = index(List.of(new SourceRows(weblog(), List.of(hit))));
    try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
      LocatorTerm cookie =
          new LocatorTerm(
              LocatorTerm.Kind.COOKIE,
              IndexSchema.LOC_COOKIE,
              "c-7f3a91",
              OptionalLong.empty(),
              OptionalLong.empty(),
              "locators.cookies[0]");
      assertThat(found(s, cookie)).containsExactly("1");
      LocatorTerm ipInside =
          new LocatorTerm(
              LocatorTerm.Kind.IP,
              IndexSchema.LOC_IP,
              "203.0.113.7",
              OptionalLong.of(at("2026-11-19T21:00")),
              OptionalLong.of(at("2026-11-19T21:10")),
              "locators.ips[0]");
      assertThat(found(s, ipInside)).containsExactly("1");
      LocatorTerm ipEarlier =
          new LocatorTerm(
              LocatorTerm.Kind.IP,
              IndexSchema.LOC_IP,
              "203.0.113.7",
              OptionalLong.of(at("2026-11-19T20:00")),
              OptionalLong.of(at("2026-11-19T21:09:59")),
              "locators.ips[0]");
      assertThat(found(s, ipEarlier)).isEmpty();
    }
  }

  /** Random clips and windows: a clip is found exactly when its interval touches the window. */
  @Test
  void foundExactlyWhenTheIntervalsTouch() throws Exception {
    Random r = seed.random();
    LocalDateTime base = LocalDateTime.of(2026, 11, 20, 0, 0);
    List<Map<String, String>> clips = new ArrayList<>();
    List<long[]> intervals = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long start = r.nextInt(86_400);
      long end = start + r.nextInt(1_800);
      clips.add(
          clip(
              "K" + i,
              "S" + r.nextInt(3),
              base.plusSeconds(start).toString().replace('T', ' '),
              base.plusSeconds(end).toString().replace('T', ' ')));
      intervals.add(new long[] {start, end});
    }
    SubjectIndex index = index(List.of(new SourceRows(footage(), clips)));
    long zero = base.atZone(TOKYO).toEpochSecond();
    try (SubjectIndex.Snapshot s = index.acquire().orElseThrow()) {
      for (int round = 0; round < 50; round++) {
        long from = r.nextInt(86_400);
        long to = from + r.nextInt(3_600);
        String store = "S" + r.nextInt(3);
        LocatorTerm t =
            new LocatorTerm(
                LocatorTerm.Kind.VISIT,
                IndexSchema.LOC_STORE,
                store,
                OptionalLong.of(zero + from),
                OptionalLong.of(zero + to),
                "locators.visits[0]");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
          long[] iv = intervals.get(i);
          if (clips.get(i).get("store").equals(store) && iv[0] <= to && iv[1] >= from) {
            expected.add("K" + i);
          }
        }
        assertThat(found(s, t)).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }
}
