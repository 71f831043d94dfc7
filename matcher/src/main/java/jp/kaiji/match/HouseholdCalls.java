package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.PHONE_E164;
import static jp.kaiji.schema.IndexSchema.PHONE_SHA256;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.kaiji.match.HolderDates.Span;
import jp.kaiji.match.SubjectIndex.CandidateQuery;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.PhoneKey;

/**
 * Records that name nobody and share only a household's fixed line with the request: a call from
 * the home phone, which any member of the household may have made. They are dropped unless the
 * index places the requester in that household; those kept for review say whose records hold the
 * line, so that the reviewer knows the index cannot tell who called.
 */
final class HouseholdCalls {
  private static final int HOLDER_LIMIT = 500;

  private final SubjectIndex.Snapshot index;
  private final RecordComparator comparator;

  HouseholdCalls(SubjectIndex.Snapshot index, RecordComparator comparator) {
    this.index = index;
    this.comparator = comparator;
  }

  /**
   * Drops the household calls of a requester the index does not place in the household (no
   * confirmed record of theirs holds the line, and they have none or did not give it), and explains
   * the ones kept.
   */
  void settle(IdentityKeys request, Map<String, RecordMatch> found) {
    Map<String, List<RecordMatch>> lines = new LinkedHashMap<>();
    for (RecordMatch m : found.values()) {
      if (m.tier() == MatchTier.CONFIRMED) {
        m.record().identity().phones().stream()
            .filter(p -> !p.mobile())
            .forEach(p -> lines.computeIfAbsent(p.e164(), k -> new ArrayList<>()).add(m));
      }
    }
    if (found.values().stream().anyMatch(m -> m.tier() == MatchTier.CONFIRMED)) {
      request.phones().forEach(p -> lines.computeIfAbsent(p.e164(), k -> new ArrayList<>()));
    }
    found.values().removeIf(m -> isCall(m) && sharedLine(m, lines.keySet()).isEmpty());
    Map<String, String> why = new LinkedHashMap<>();
    for (Map.Entry<String, RecordMatch> e : found.entrySet()) {
      RecordMatch m = e.getValue();
      if (isCall(m)) {
        String line = sharedLine(m, lines.keySet()).get();
        String text = why.computeIfAbsent(line, l -> explain(request, l, lines.get(l), found));
        e.setValue(
            m.withLine(new AttributeMatch("ownership", Level.ABSENT, Evidence.HOUSEHOLD, 0, text)));
      }
    }
  }

  /** A record in review without a name that agrees on a fixed line alone. */
  private static boolean isCall(RecordMatch m) {
    IdentityKeys id = m.record().identity();
    if (m.tier() != MatchTier.NEEDS_REVIEW || !id.names().isEmpty() || !id.readings().isEmpty()) {
      return false;
    }
    List<AttributeMatch> agreeing =
        m.attributes().stream().filter(a -> a.level().agrees()).toList();
    return !agreeing.isEmpty()
        && agreeing.stream()
            .allMatch(a -> a.attribute().equals("phone") && a.evidence() == Evidence.HOUSEHOLD);
  }

  private static Optional<String> sharedLine(RecordMatch m, Set<String> lines) {
    return m.record().identity().phones().stream()
        .map(PhoneKey::e164)
        .filter(lines::contains)
        .findFirst();
  }

  private String explain(
      IdentityKeys request,
      String line,
      List<RecordMatch> confirmed,
      Map<String, RecordMatch> found) {
    Set<String> others = new TreeSet<>();
    CandidateQuery holders = CandidateQueries.holders(PHONE_E164, PHONE_SHA256, line);
    for (IndexedRecord r : index.find(holders, HOLDER_LIMIT)) {
      RecordMatch mine = found.get(r.docId());
      boolean requesters = mine != null && mine.tier() == MatchTier.CONFIRMED;
      if (!requesters
          && !r.identity().namesNobody()
          && comparator.compare(request, r.identity()).contradicts("name")) {
        r.identity().names().stream()
            .flatMap(n -> n.fullKey().stream())
            .findFirst()
            .ifPresent(others::add);
      }
    }
    StringBuilder why = new StringBuilder("fixed line of a household: ");
    if (confirmed.isEmpty()) {
      why.append("given on the form, held by no confirmed record of the requester");
    } else {
      why.append("held on the requester's confirmed records ")
          .append(String.join(", ", IdentifierOwnership.sampleIds(confirmed)))
          .append(
              Span.of(confirmed).map(s -> " (" + s.first() + " to " + s.last() + ")").orElse(""));
    }
    if (others.isEmpty()) {
      why.append("; no other name in the index holds it");
    } else {
      why.append("; ").append(others.size());
      why.append(others.size() == 1 ? " other name in the index holds it" : " other names hold it");
    }
    return why.append("; the record does not say who called").toString();
  }
}
