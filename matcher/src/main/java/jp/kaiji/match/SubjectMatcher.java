package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.NAME_FULL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kaiji.match.RecordMatch.FoundBy;
import jp.kaiji.match.SubjectIndex.CandidateQuery;
import jp.kaiji.match.SubjectIndex.KeyTerm;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.PhoneKey;

/**
 * Finds every record of one person: retrieves candidates by every identifier given, compares each
 * attribute by attribute ({@link RecordComparator}), searches once more with identifiers found on
 * confirmed records (expansion), confirms the records that hold only an identifier those confirmed
 * records prove to be the requester's ({@link IdentifierOwnership}), leaves out the calls from a
 * household's fixed line that the index does not place the requester in ({@link HouseholdCalls}),
 * and adds the records that point at a matched record through a foreign key.
 */
public final class SubjectMatcher {
  /** How many foreign-key hops are followed (contact form → provision record is one). */
  private static final int FOREIGN_KEY_DEPTH = 2;

  private static final int FOREIGN_KEY_FANOUT = 1000;

  private final MatchPolicy policy;

  public SubjectMatcher(MatchPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public MatchPolicy policy() {
    return policy;
  }

  /** Every record of the requester in this snapshot, strongest first. */
  public List<RecordMatch> match(SubjectIndex.Snapshot index, IdentityKeys request) {
    RecordComparator comparator = new RecordComparator(policy, index);
    Map<String, IndexedRecord> candidates = new LinkedHashMap<>();
    CandidateQuery asked = CandidateQueries.of(request, index);
    index.find(asked, policy.candidateLimit()).forEach(r -> candidates.putIfAbsent(r.docId(), r));

    Map<String, RecordMatch> found = new LinkedHashMap<>();
    for (IndexedRecord r : candidates.values()) {
      compareInto(comparator, request, r, FoundBy.DIRECT, found);
    }

    IdentityKeys expanded = expand(request, found.values());
    if (expanded != request) {
      // The first round's candidates are compared again below; only the new keys need retrieving.
      CandidateQuery added = CandidateQueries.of(expanded, index).minus(asked);
      index.find(added, policy.candidateLimit()).forEach(r -> candidates.putIfAbsent(r.docId(), r));
      // Every candidate is compared again: a record held in review by the first round may carry
      // the requester's former address or old number that the confirmed records revealed.
      for (IndexedRecord r : candidates.values()) {
        RecordMatch before = found.get(r.docId());
        if (before == null || before.tier() != MatchTier.CONFIRMED) {
          compareInto(comparator, expanded, r, FoundBy.EXPANSION, found);
        }
      }
    }

    new IdentifierOwnership(index, comparator, policy.ownershipGraceDays())
        .confirmOwned(request, expanded, found);
    new HouseholdCalls(index, comparator).settle(request, found);
    dropNameOnlyWhereANamesakeIs(index, comparator, request, found);
    followForeignKeys(index, comparator, expanded, found);
    List<RecordMatch> out = new ArrayList<>(found.values());
    out.sort(
        Comparator.comparing(RecordMatch::tier)
            .thenComparing(Comparator.comparingDouble(RecordMatch::score).reversed())
            .thenComparing(m -> m.record().docId()));
    return out;
  }

  private static void compareInto(
      RecordComparator comparator,
      IdentityKeys request,
      IndexedRecord r,
      FoundBy foundBy,
      Map<String, RecordMatch> found) {
    Comparison c = comparator.compare(request, r.identity());
    RecordMatch before = found.get(r.docId());
    c.tier()
        .filter(t -> before == null || t.compareTo(before.tier()) < 0)
        .ifPresent(
            t ->
                found.put(
                    r.docId(),
                    new RecordMatch(r, t, c.score(), c.attributes(), foundBy, Optional.empty())));
  }

  // Enough holders of one name to see a namesake among the requester's own records.
  static final int NAMESAKE_PROBE = 50;

  /**
   * The request plus identifiers found on confirmed records: phones, e-mails, addresses and names
   * (a new married name). A fixed line found this way is household evidence like any other, so it
   * can bring a record to review but never confirm it alone. Returns {@code request} itself when
   * nothing new was found.
   */
  private IdentityKeys expand(IdentityKeys request, Iterable<RecordMatch> matches) {
    Set<NameKey> names = new LinkedHashSet<>();
    Set<AddressKey> addresses = new LinkedHashSet<>();
    Set<PhoneKey> phones = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    int budget = policy.expansionMaxIdentifiers();
    for (RecordMatch m : matches) {
      if (m.tier() != MatchTier.CONFIRMED) {
        continue;
      }
      IdentityKeys id = m.record().identity();
      for (PhoneKey p : id.phones()) {
        if (budget > 0
            && request.phones().stream().noneMatch(x -> x.e164().equals(p.e164()))
            && phones.add(p)) {
          budget--;
        }
      }
      for (String e : id.emails()) {
        if (budget > 0 && !request.emails().contains(e) && emails.add(e)) {
          budget--;
        }
      }
      for (AddressKey a : id.addresses()) {
        if (a.block().isPresent()
            && budget > 0
            && request.addresses().stream().noneMatch(x -> x.block().equals(a.block()))
            && addresses.add(
                new AddressKey(a.postcode(), a.prefectureCity(), a.town(), a.block(), true))) {
          budget--;
        }
      }
      for (NameKey n : id.names()) {
        if (n.fullKey().isPresent()
            && budget > 0
            && request.names().stream().noneMatch(x -> x.fullKey().equals(n.fullKey()))
            && names.add(
                new NameKey(
                    n.fullKey(), n.familyKey(), n.givenKey(), n.latin(), true, List.of()))) {
          budget--;
        }
      }
    }
    if (names.isEmpty() && addresses.isEmpty() && phones.isEmpty() && emails.isEmpty()) {
      return request;
    }
    return new IdentityKeys(
        concat(request.names(), names),
        request.readings(),
        request.birthDates(),
        concat(request.addresses(), addresses),
        concat(request.phones(), phones),
        concat(request.emails(), emails),
        request.phoneHashes(),
        request.emailHashes(),
        request.sex(),
        request.issuedIds());
  }

  /**
   * Adds records pointing at a matched record, and raises a record already found on weaker evidence
   * to the tier of a matched record it points at: a record's tier is the best that any path to it
   * justifies. A record with identifiers of its own follows its parent only when they do not
   * contradict the request: a parcel addressed to a family member is the recipient's record, not
   * the sender's.
   */
  private void followForeignKeys(
      SubjectIndex.Snapshot index,
      RecordComparator comparator,
      IdentityKeys request,
      Map<String, RecordMatch> found) {
    List<RecordMatch> frontier = new ArrayList<>(found.values());
    for (int depth = 0; depth < FOREIGN_KEY_DEPTH && !frontier.isEmpty(); depth++) {
      List<RecordMatch> next = new ArrayList<>();
      for (RecordMatch parent : frontier) {
        for (IndexedRecord child : index.referencing(parent.record().docId(), FOREIGN_KEY_FANOUT)) {
          RecordMatch before = found.get(child.docId());
          if (before != null && before.tier().compareTo(parent.tier()) <= 0) {
            continue; // already as sure as this path can make it
          }
          Comparison own =
              before != null
                  ? new Comparison(before.attributes(), before.score(), Optional.empty())
                  : comparator.compare(request, child.identity());
          if (own.contradicts("name") || own.contradicts("birthDate")) {
            continue;
          }
          // Under a parent only in review, a child whose every identifier disagrees is evidence
          // against the parent, not a second record of the requester.
          if (parent.tier() != MatchTier.CONFIRMED && disagreesOnAll(own)) {
            continue;
          }
          RecordMatch m =
              new RecordMatch(
                  child,
                  parent.tier(),
                  parent.score(),
                  own.attributes(),
                  FoundBy.FOREIGN_KEY,
                  Optional.of(parent.record().docId()));
          found.put(child.docId(), m);
          next.add(m);
        }
      }
      frontier = next;
    }
  }

  /**
   * Drops the records in review whose only agreement is the name when the index holds that name
   * with a birth date other than the requester's: another person is called so, and the record
   * cannot say which of them it is (a partner contact known by name alone, say). Without a birth
   * date on the form, or with no such namesake, the record stays for a reviewer.
   */
  private static void dropNameOnlyWhereANamesakeIs(
      SubjectIndex.Snapshot index,
      RecordComparator comparator,
      IdentityKeys request,
      Map<String, RecordMatch> found) {
    if (request.birthDates().isEmpty()) {
      return;
    }
    Map<String, Boolean> namesake = new HashMap<>();
    found
        .values()
        .removeIf(
            m ->
                m.tier() == MatchTier.NEEDS_REVIEW
                    && agreesOnlyOnName(m)
                    && m.record().identity().names().stream()
                        .flatMap(n -> n.fullKey().stream())
                        .anyMatch(
                            k ->
                                namesake.computeIfAbsent(
                                    k,
                                    key ->
                                        anotherBirthDateHolds(index, comparator, request, key))));
  }

  private static boolean anotherBirthDateHolds(
      SubjectIndex.Snapshot index, RecordComparator comparator, IdentityKeys request, String name) {
    CandidateQuery q = CandidateQuery.exactly(List.of(new KeyTerm(NAME_FULL, name)));
    return index.find(q, NAMESAKE_PROBE).stream()
        .anyMatch(r -> comparator.compare(request, r.identity()).contradicts("birthDate"));
  }

  private static boolean agreesOnlyOnName(RecordMatch m) {
    List<AttributeMatch> agreeing =
        m.attributes().stream().filter(a -> a.level().agrees()).toList();
    return !agreeing.isEmpty() && agreeing.stream().allMatch(a -> a.evidence() == Evidence.NAME);
  }

  private static boolean disagreesOnAll(Comparison c) {
    return !c.attributes().isEmpty()
        && c.attributes().stream().noneMatch(a -> a.level().agrees() || a.level() == Level.CLOSE);
  }

  private static <T> List<T> concat(List<T> a, Set<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
