package jp.kaiji.match;

import static jp.kaiji.match.HolderDates.current;
import static jp.kaiji.match.HolderDates.day;
import static jp.kaiji.match.HolderDates.givenAsCurrent;
import static jp.kaiji.match.HolderDates.heldByAnother;
import static jp.kaiji.match.HolderDates.heldByRequester;
import static jp.kaiji.match.HolderDates.lastShownMobiles;
import static jp.kaiji.match.HolderDates.madeBeforeTheRequesterHadIt;
import static jp.kaiji.match.HolderDates.outsideTheRequestersTenure;
import static jp.kaiji.schema.IndexSchema.EMAIL_KEY;
import static jp.kaiji.schema.IndexSchema.EMAIL_SHA256;
import static jp.kaiji.schema.IndexSchema.PHONE_E164;
import static jp.kaiji.schema.IndexSchema.PHONE_SHA256;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.match.HolderDates.Span;
import jp.kaiji.match.RecordMatch.FoundBy;
import jp.kaiji.match.SubjectIndex.CandidateQuery;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.PhoneKey;

/**
 * Decides which personal identifiers (mobiles, e-mail addresses) the requester's confirmed records
 * prove to be theirs, and confirms the records that name nobody and hold only such an identifier (a
 * call log, a web inquiry, a record of provision).
 *
 * <p>A number is the requester's when a confirmed record of theirs holds it and no other identity
 * in the index does: no record with a name or birth date that contradicts the request carries it.
 * Mobile numbers are reassigned, and the earlier holder may have left only nameless records, so for
 * a mobile the record dates decide in every case (for an e-mail address, only when another identity
 * holds it too): a record is the requester's only when made while the requester's records show the
 * number and no other holder's record falls between; anything the dates cannot place stays in
 * review. A record the dates put in another holder's time is not returned at all, also on a mobile
 * that only the form gives: the requester holds it today, so not before its other holders' last
 * record. Fixed lines belong to a household and are never owned by one person.
 */
final class IdentifierOwnership {
  private static final int HOLDER_LIMIT = 500;

  private final SubjectIndex.Snapshot index;
  private final RecordComparator comparator;
  private final int graceDays;

  IdentifierOwnership(SubjectIndex.Snapshot index, RecordComparator comparator, int graceDays) {
    this.index = index;
    this.comparator = comparator;
    this.graceDays = graceDays;
  }

  /**
   * Raises to confirmed, in {@code found}, every record that names nobody and holds an owned key.
   */
  void confirmOwned(IdentityKeys given, IdentityKeys request, Map<String, RecordMatch> found) {
    List<String> givenMobiles =
        given.phones().stream().filter(PhoneKey::mobile).map(PhoneKey::e164).distinct().toList();
    Map<String, LocalDate> lastShown = lastShownMobiles(found.values());
    Map<Owned, List<RecordMatch>> owners = new LinkedHashMap<>();
    for (RecordMatch m : found.values()) {
      if (m.tier() != MatchTier.CONFIRMED) {
        continue;
      }
      IdentityKeys id = m.record().identity();
      for (PhoneKey p : id.phones()) {
        if (p.mobile()) {
          boolean current = givenAsCurrent(p.e164(), givenMobiles, lastShown);
          owners.computeIfAbsent(Owned.phone(p.e164(), current), k -> new ArrayList<>()).add(m);
        }
      }
      for (String e : id.emails()) {
        owners
            .computeIfAbsent(Owned.email(e, given.emails().contains(e)), k -> new ArrayList<>())
            .add(m);
      }
    }
    // A mobile only the form gives proves nothing, but the requester says they hold it today: the
    // other holders' records still place the calls made before the requester had it.
    for (String mobile : givenMobiles) {
      boolean current = givenAsCurrent(mobile, givenMobiles, lastShown);
      if (owners.keySet().stream().noneMatch(k -> k.key().equals(mobile))) {
        owners.put(Owned.phone(mobile, current), List.of());
      }
    }
    owners.forEach((key, confirmed) -> confirmHolders(request, key, confirmed, found));
  }

  private void confirmHolders(
      IdentityKeys request,
      Owned key,
      List<RecordMatch> confirmed,
      Map<String, RecordMatch> found) {
    List<IndexedRecord> nameless = new ArrayList<>();
    List<IndexedRecord> others = new ArrayList<>();
    for (IndexedRecord holder : index.find(key.query(), HOLDER_LIMIT)) {
      RecordMatch already = found.get(holder.docId());
      if (already != null && already.tier() == MatchTier.CONFIRMED) {
        continue;
      }
      if (holder.identity().namesNobody()) {
        nameless.add(holder);
      } else {
        Comparison c = comparator.compare(request, holder.identity());
        if (c.contradicts("name") || c.contradicts("birthDate")) {
          others.add(holder);
        }
      }
    }
    // The requester's time with the key, and whether they still hold it, are the same for every
    // holder: decided once, before any of them is raised.
    Optional<Span> mine = Span.of(confirmed);
    boolean current = confirmed.isEmpty() ? key.current() : current(key, mine, found.values());
    List<IndexedRecord> strangers = strangers(others, found);
    for (IndexedRecord r : nameless) {
      Optional<LocalDate> date = day(r.recordDate());
      if (heldByAnother(date, mine, others)
          || outsideTheRequestersTenure(date, key, mine, current, strangers)
          || madeBeforeTheRequesterHadIt(date, key, mine, found)) {
        // The dates put it in another holder's time: theirs, not a question for the reviewer.
        RecordMatch before = found.get(r.docId());
        if (before != null && before.tier() == MatchTier.NEEDS_REVIEW) {
          found.remove(r.docId());
        }
        continue;
      }
      // An e-mail address is not passed on to a new holder as a mobile number is: held by no
      // other identity, it is the requester's whenever the record was made.
      boolean unshared = key.attribute().equals("email") && others.isEmpty();
      if (unshared || heldByRequester(date, mine, others, current, graceDays)) {
        RecordMatch before = found.get(r.docId());
        Comparison own = comparator.compare(request, r.identity());
        if (own.attributes().stream().anyMatch(a -> a.level() == Level.DIFFERENT)) {
          leaveForReview(
              r,
              found,
              key,
              key.attribute()
                  + " the requester's, but the record holds another"
                  + " identifier that is not theirs");
          continue;
        }
        List<AttributeMatch> attributes = new ArrayList<>(own.attributes());
        attributes.add(explanation(key, confirmed, others.isEmpty(), unshared));
        double score = confirmed.stream().mapToDouble(RecordMatch::score).min().orElse(0);
        found.put(
            r.docId(),
            new RecordMatch(
                r,
                MatchTier.CONFIRMED,
                score,
                attributes,
                before == null ? FoundBy.EXPANSION : before.foundBy(),
                Optional.empty()));
        continue;
      }
      leaveForReview(r, found, key, notPlaced(key, confirmed, mine, current, date, others));
    }
  }

  /**
   * Says on a record left in review why the key does not make it the requester's, so that the
   * reviewer knows what to look at: whose records hold the key, and when.
   */
  private static void leaveForReview(
      IndexedRecord r, Map<String, RecordMatch> found, Owned key, String why) {
    RecordMatch before = found.get(r.docId());
    if (before == null || before.tier() != MatchTier.NEEDS_REVIEW) {
      return;
    }
    found.put(
        r.docId(),
        before.withLine(new AttributeMatch("ownership", Level.ABSENT, key.evidence(), 0, why)));
  }

  private static String notPlaced(
      Owned key,
      List<RecordMatch> confirmed,
      Optional<Span> mine,
      boolean current,
      Optional<LocalDate> date,
      List<IndexedRecord> others) {
    StringBuilder why = new StringBuilder(key.attribute()).append(" not placed: ");
    if (confirmed.isEmpty()) {
      why.append("only the form gives it, no confirmed record of the requester holds it");
    } else {
      why.append("the requester's on confirmed records ")
          .append(String.join(", ", sampleIds(confirmed)))
          .append(" (")
          .append(mine.map(m -> m.first() + " to " + m.last()).orElse("undated"))
          .append(current ? "; given as theirs today)" : ")");
    }
    why.append(date.map(d -> "; this record is dated " + d).orElse("; this record is undated"));
    List<String> theirs =
        others.stream()
            .map(o -> day(o.recordDate()).map(LocalDate::toString).orElse("undated"))
            .sorted()
            .distinct()
            .limit(5)
            .toList();
    if (!theirs.isEmpty()) {
      why.append("; another identity's records hold it, dated ").append(String.join(", ", theirs));
    }
    return why.toString();
  }

  /**
   * The other holders the matcher rejected outright. One it returned, even for review, may be the
   * requester under a misspelt name, so it cannot bound the requester's time with the key.
   */
  private static List<IndexedRecord> strangers(
      List<IndexedRecord> others, Map<String, RecordMatch> found) {
    return others.stream().filter(o -> !found.containsKey(o.docId())).toList();
  }

  /** At most five ids, sorted so that the same records are named in whatever order they came. */
  static List<String> sampleIds(List<RecordMatch> confirmed) {
    return confirmed.stream().map(m -> m.record().docId()).distinct().sorted().limit(5).toList();
  }

  private static AttributeMatch explanation(
      Owned key, List<RecordMatch> confirmed, boolean noOtherHolder, boolean anyTime) {
    String why =
        "the requester's: held on confirmed records "
            + String.join(", ", sampleIds(confirmed))
            + (noOtherHolder
                ? "; no other identity in the index holds it"
                : "; the other holders' records are dated outside the requester's time")
            + (anyTime ? "" : "; this record is dated within the requester's time");
    return new AttributeMatch(
        "ownership", Level.SAME, key.evidence(), 0, key.attribute() + " " + why);
  }

  /** An owned identifier and the index terms that find its holders, clear or hashed. */
  record Owned(
      String attribute,
      Evidence evidence,
      String field,
      String hashField,
      String key,
      boolean current) {
    static Owned phone(String e164, boolean current) {
      return new Owned("phone", Evidence.MOBILE, PHONE_E164, PHONE_SHA256, e164, current);
    }

    static Owned email(String email, boolean current) {
      return new Owned("email", Evidence.EMAIL, EMAIL_KEY, EMAIL_SHA256, email, current);
    }

    CandidateQuery query() {
      return CandidateQueries.holders(field, hashField, key);
    }
  }
}
