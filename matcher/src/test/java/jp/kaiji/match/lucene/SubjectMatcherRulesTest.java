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
import jp.kaiji.catalog.ForeignKey;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.match.MatchTier;
import jp.kaiji.match.RecordMatch;
import jp.kaiji.match.RecordMatch.FoundBy;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectIndexContract.SourceRows;
import jp.kaiji.match.SubjectMatcher;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.RequestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher's rules of Matching II on a real index: the best tier of any path, identifier
 * ownership with a reassigned number, and namesakes that disagree elsewhere. All data made up.
 */
class SubjectMatcherRulesTest {
  private static final String MOBILE = "090-3141-5926";

  private static final SourceDefinition CUSTOMERS =
      source(
          "customers",
          "id",
          mapping()
              .fullName("name")
              .birthDate("birth")
              .phones("phone")
              .emails("email")
              .recordDate("date")
              .build(),
          List.of());
  private static final SourceDefinition ORDERS =
      source(
          "orders",
          "id",
          mapping().fullName("name").recordDate("date").build(),
          List.of(new ForeignKey("customer", "customers")));
  private static final SourceDefinition CALLS =
      source("calls", "id", mapping().phones("caller").recordDate("date").build(), List.of());

  @TempDir Path dir;

  /** The requester's own customer record, holding her mobile since 2020. */
  private static Map<String, String> requesterCustomer() {
    return row(
        "id", "c1", "name", "真鍋 紗季", "birth", "1981-04-09", "phone", MOBILE, "date", "2020-01-10");
  }

  @Test
  void aRecordFoundDirectlyOnWeakEvidenceTakesTheTierOfTheConfirmedRecordItPointsAt()
      throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(requesterCustomer()),
            // The order names the requester (review on its own) and points at her customer record.
            List.of(row("id", "o1", "name", "真鍋 紗季", "customer", "c1", "date", "2021-02-03")),
            List.of());

    assertThat(found.get("customers/c1").tier()).isEqualTo(MatchTier.CONFIRMED);
    RecordMatch order = found.get("orders/o1");
    assertThat(order.tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(order.foundBy()).isEqualTo(FoundBy.FOREIGN_KEY);
    assertThat(order.via()).contains("customers/c1");
  }

  @Test
  void theBirthDateRetrievesARecordPairedWithAPartOfTheNameNotAlone() throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(
                requesterCustomer(),
                // A record under another family name (a marriage the form does not mention).
                row("id", "c2", "name", "佐藤 紗季", "birth", "1981-04-09", "date", "2010-01-01"),
                // Only the birth date in common: hundreds of persons share one in a large index.
                row("id", "c3", "name", "田中 一郎", "birth", "1981-04-09", "date", "2010-01-01")),
            List.of(),
            List.of());
    assertThat(found.get("customers/c2").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found).doesNotContainKey("customers/c3");
  }

  @Test
  void aLatinNamesBirthDateRetrievesPairedWithAnyOfItsWordsNotAlone() throws Exception {
    Map<String, RecordMatch> found =
        search(
            "Maria Garcia",
            List.of(
                // Another order and a middle name: no key of the whole name is the same.
                row("id", "c2", "name", "GARCIA Maria Elena", "birth", "1981-04-09"),
                // A slip in one word and a middle name: the other word still pairs.
                row("id", "c3", "name", "Garsia Maria Luisa", "birth", "1981-04-09"),
                // Only the birth date in common.
                row("id", "c4", "name", "John Smith", "birth", "1981-04-09")),
            List.of(),
            List.of());
    assertThat(found.get("customers/c2").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found.get("customers/c3").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found).doesNotContainKey("customers/c4");
  }

  @Test
  void aRecordKnownOnlyByTheNameStaysInReviewUnlessTheIndexHoldsANamesake() throws Exception {
    Map<String, Map<String, String>> nameOnly =
        Map.of("order", row("id", "o5", "name", "真鍋 紗季", "date", "2023-05-06"));
    Map<String, RecordMatch> alone =
        search(List.of(requesterCustomer()), List.of(nameOnly.get("order")), List.of());
    assertThat(alone.get("orders/o5").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);

    // Another 真鍋 紗季, born in another year, is a customer too: the order could be hers.
    Map<String, RecordMatch> withNamesake =
        search(
            List.of(
                requesterCustomer(),
                row("id", "c7", "name", "真鍋 紗季", "birth", "1990-02-02", "date", "2019-01-01")),
            List.of(nameOnly.get("order")),
            List.of());
    assertThat(withNamesake).doesNotContainKey("orders/o5").doesNotContainKey("customers/c7");
    assertThat(withNamesake.get("customers/c1").tier()).isEqualTo(MatchTier.CONFIRMED);
  }

  @Test
  void aNumberHeldByNobodyElseMakesTheCallsMadeWhileTheRequesterHeldItTheirs() throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(requesterCustomer()),
            List.of(),
            List.of(
                row("id", "k1", "caller", MOBILE.replace("-", ""), "date", "2022-06-01"),
                // Within the policy's year before her first record with the number (2020-01-10).
                row("id", "k2", "caller", MOBILE.replace("-", ""), "date", "2019-03-01"),
                // Years before it: a previous holder may have made it.
                row("id", "k0", "caller", MOBILE.replace("-", ""), "date", "2014-06-01")));

    RecordMatch call = found.get("calls/k1");
    assertThat(call.tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(call.attributes())
        .anySatisfy(
            a ->
                assertThat(a.explanation())
                    .contains("customers/c1")
                    .contains("no other identity in the index holds it"));
    assertThat(found.get("calls/k2").tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(found.get("calls/k0").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
  }

  @Test
  void aNumberTheRequesterGaveUpConfirmsNothingAfterTheirLastRecordWithIt() throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(
                requesterCustomer(),
                // Her later record shows another mobile: she gave this one up after 2020-01-10.
                laterCustomer("080-2718-2818", "2021-03-01")),
            List.of(),
            List.of(
                row("id", "k3", "caller", MOBILE.replace("-", ""), "date", "2019-11-20"),
                // A month after her last record with it: a new holder may have had it already.
                row("id", "k4", "caller", MOBILE.replace("-", ""), "date", "2020-02-10")));

    assertThat(found.get("customers/c2").tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(found.get("calls/k3").tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(found.get("calls/k4").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
  }

  @Test
  void ofTwoMobilesOnTheFormTheOneHerRecordsShowLastIsStillHers() throws Exception {
    String newMobile = "080-2718-2818";
    Map<String, RecordMatch> bothShown =
        search(
            "真鍋 紗季",
            List.of(newMobile, MOBILE),
            List.of(),
            List.of(requesterCustomer(), laterCustomer(newMobile, "2023-05-01")),
            List.of(),
            List.of(
                row("id", "k5", "caller", newMobile.replace("-", ""), "date", "2025-02-01"),
                // After her last record with the old number: its next holder's, perhaps.
                row("id", "k6", "caller", MOBILE.replace("-", ""), "date", "2024-07-01")));

    assertThat(bothShown.get("calls/k5").tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(bothShown.get("calls/k6").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);

    // Her records show only one of the two: which one she still holds is not known.
    Map<String, RecordMatch> oneShown =
        search(
            "真鍋 紗季",
            List.of(newMobile, MOBILE),
            List.of(),
            List.of(requesterCustomer()),
            List.of(),
            List.of(row("id", "k6", "caller", MOBILE.replace("-", ""), "date", "2024-07-01")));

    assertThat(oneShown.get("calls/k6").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
  }

  /** A customer record of 西川 隆之, who held {@link #MOBILE} before the requester. */
  private static Map<String, String> earlierHolder(String id, String date) {
    return row("id", id, "name", "西川 隆之", "birth", "1958-11-30", "phone", MOBILE, "date", date);
  }

  /** The requester's later customer record, with another mobile. */
  private static Map<String, String> laterCustomer(String mobile, String date) {
    return laterCustomer("c2", mobile, date);
  }

  /** Another customer record of the requester's, {@code id}, holding {@code phone}. */
  private static Map<String, String> laterCustomer(String id, String phone, String date) {
    return row("id", id, "name", "真鍋 紗季", "birth", "1981-04-09", "phone", phone, "date", date);
  }

  /** Her husband's customer record, holding the household's fixed line. */
  private static Map<String, String> husband(String line) {
    return row(
        "id", "c4", "name", "真鍋 健一", "birth", "1979-02-02", "phone", line, "date", "2021-05-02");
  }

  @Test
  void aReassignedNumberConfirmsOnlyTheCallsOnTheRequestersSideOfTheChange() throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(
                requesterCustomer(),
                earlierHolder("c9", "2012-03-04"),
                earlierHolder("c10", "2013-08-01")),
            List.of(),
            List.of(
                row("id", "k1", "caller", MOBILE.replace("-", ""), "date", "2021-06-01"),
                row("id", "k9", "caller", MOBILE.replace("-", ""), "date", "2012-09-15"),
                row("id", "k8", "caller", MOBILE.replace("-", ""), "date", "2012-01-15"),
                // Within the policy's year before her first record, but after the other holder's
                // last: either of them may have called.
                row("id", "k7", "caller", MOBILE.replace("-", ""), "date", "2019-06-01")));

    assertThat(found).doesNotContainKey("customers/c9");
    RecordMatch after = found.get("calls/k1");
    assertThat(after.tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(after.attributes())
        .anySatisfy(a -> assertThat(a.explanation()).contains("other holders' records are dated"));
    // Within the other holder's time (2012-03-04 to 2013-08-01): theirs, not returned at all.
    assertThat(found).doesNotContainKey("calls/k9");
    // Before the other holder's records: she still has the number, so she had it only after
    // 西川's last record; the call was made by him or an earlier holder, never by her.
    assertThat(found).doesNotContainKey("calls/k8");
    assertThat(found.get("calls/k7").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    // The reviewer is told why, and what to weigh: whose records hold the number, and when.
    assertThat(found.get("calls/k7").attributes())
        .anySatisfy(
            a ->
                assertThat(a.toString())
                    .isEqualTo(
                        "ownership: phone not placed: the requester's on confirmed records"
                            + " customers/c1 (2020-01-10 to 2020-01-10; given as theirs today);"
                            + " this record is dated 2019-06-01; another identity's records hold"
                            + " it, dated 2012-03-04, 2013-08-01"));
  }

  @Test
  void aNumberOnlyTheFormGivesLeavesOutTheCallsMadeBeforeAnotherHoldersLastRecord()
      throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(
                // Her customer record knows no mobile; the form gives one, as hers today.
                row("id", "c1", "name", "真鍋 紗季", "birth", "1981-04-09", "date", "2020-01-10"),
                earlierHolder("c9", "2013-08-01")),
            List.of(),
            List.of(
                row("id", "k1", "caller", MOBILE.replace("-", ""), "date", "2012-05-01"),
                row("id", "k2", "caller", MOBILE.replace("-", ""), "date", "2021-06-01")));

    assertThat(found).doesNotContainKey("customers/c9");
    // Made while 西川 held the number, or before: not hers whatever the form says.
    assertThat(found).doesNotContainKey("calls/k1");
    // After his last record: hers only by the form's word, so for review, not confirmed.
    assertThat(found.get("calls/k2").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found.get("calls/k2").attributes())
        .anySatisfy(
            a ->
                assertThat(a.toString())
                    .startsWith("ownership: phone not placed: only the form gives it")
                    .endsWith("another identity's records hold it, dated 2013-08-01"));
  }

  @Test
  void aRecordReturnedForReviewDoesNotBoundTheRequestersTimeWithTheNumber() throws Exception {
    Map<String, RecordMatch> found =
        search(
            "Maria Garcia",
            List.of(MOBILE),
            List.of("maria.garcia@example.org"),
            List.of(
                // Her own record, the name misspelt past recognition but her e-mail: for review,
                // and the same person for all the dates can tell.
                row(
                    "id",
                    "c2",
                    "name",
                    "Marko Gercie",
                    "phone",
                    MOBILE,
                    "email",
                    "maria.garcia@example.org",
                    "date",
                    "2022-03-03")),
            List.of(),
            List.of(row("id", "k1", "caller", MOBILE.replace("-", ""), "date", "2020-12-04")));

    assertThat(found.get("customers/c2").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(found.get("calls/k1").tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
  }

  /**
   * A call from the household's fixed line stays in review, and says whose records hold the line:
   * the requester's, and another name's (her husband's), so the index cannot tell who called.
   */
  @Test
  void aCallFromTheHouseholdsLineSaysWhoseRecordsHoldIt() throws Exception {
    String line = "03-5555-0101";
    Map<String, RecordMatch> found =
        search(
            List.of(requesterCustomer(), laterCustomer("c3", line, "2021-05-01"), husband(line)),
            List.of(),
            List.of(row("id", "k1", "caller", line.replace("-", ""), "date", "2022-06-01")));

    RecordMatch call = found.get("calls/k1");
    assertThat(call.tier()).isEqualTo(MatchTier.NEEDS_REVIEW);
    assertThat(call.attributes())
        .anySatisfy(
            a ->
                assertThat(a.explanation())
                    .isEqualTo(
                        "fixed line of a household: held on the requester's confirmed records"
                            + " customers/c3 (2021-05-01 to 2021-05-01); 1 other name in the index"
                            + " holds it; the record does not say who called"));
  }

  /** A requester the index does not place in the household gets nothing for its calls. */
  @Test
  void aCallFromAHouseholdTheIndexDoesNotPlaceTheRequesterInIsNotReturned() throws Exception {
    String line = "03-5555-0101";
    Map<String, RecordMatch> found =
        search(
            "真鍋 紗季",
            List.of(line),
            List.of(),
            List.of(husband(line)),
            List.of(),
            List.of(row("id", "k1", "caller", line.replace("-", ""), "date", "2022-06-01")));

    assertThat(found).doesNotContainKey("calls/k1");
  }

  @Test
  void aNamesakeThatDisagreesOnEverythingElseIsNotReturned() throws Exception {
    Map<String, RecordMatch> found =
        search(
            List.of(
                requesterCustomer(),
                // Same name, no birth date, another mobile and e-mail: another person.
                row(
                    "id",
                    "c2",
                    "name",
                    "真鍋 紗季",
                    "phone",
                    "080-2718-2818",
                    "email",
                    "saki.m@example.org",
                    "date",
                    "2019-05-05")),
            List.of(),
            List.of());

    assertThat(found.get("customers/c1").tier()).isEqualTo(MatchTier.CONFIRMED);
    assertThat(found).doesNotContainKey("customers/c2");
  }

  private Map<String, RecordMatch> search(
      List<Map<String, String>> customers,
      List<Map<String, String>> orders,
      List<Map<String, String>> calls)
      throws Exception {
    return search("真鍋 紗季", customers, orders, calls);
  }

  /** What a request for {@code name}, born 1981-04-09, with {@link #MOBILE}, finds. */
  private Map<String, RecordMatch> search(
      String name,
      List<Map<String, String>> customers,
      List<Map<String, String>> orders,
      List<Map<String, String>> calls)
      throws Exception {
    return search(name, List.of(MOBILE), List.of(), customers, orders, calls);
  }

  /** What a request for {@code name}, born 1981-04-09, with these phones and e-mails, finds. */
  private Map<String, RecordMatch> search(
      String name,
      List<String> phones,
      List<String> emails,
      List<Map<String, String>> customers,
      List<Map<String, String>> orders,
      List<Map<String, String>> calls)
      throws Exception {
    IndexGenerations generations = new IndexGenerations(dir);
    TestGenerations.publish(
        generations,
        List.of(
            new SourceRows(CUSTOMERS, customers),
            new SourceRows(ORDERS, orders),
            new SourceRows(CALLS, calls)));
    SubjectQuery form =
        new SubjectQuery(
            Optional.of(name),
            Optional.empty(),
            List.of(),
            Optional.of("1981-04-09"),
            List.of(),
            phones,
            emails);
    try (LuceneSubjectIndex index = new LuceneSubjectIndex(generations);
        SubjectIndex.Snapshot snapshot = index.acquire().orElseThrow()) {
      return new SubjectMatcher(MatchPolicy.defaults())
          .match(snapshot, RequestIdentity.parse(form).keys()).stream()
              .collect(Collectors.toMap(m -> m.record().docId(), Function.identity()));
    }
  }
}
