package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.EMAIL_KEY;
import static jp.kaiji.schema.IndexSchema.EMAIL_SHA256;
import static jp.kaiji.schema.IndexSchema.PHONE_E164;
import static jp.kaiji.schema.IndexSchema.PHONE_SHA256;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.match.RecordMatch.FoundBy;
import jp.kaiji.match.SubjectIndex.CandidateQuery;
import jp.kaiji.match.SubjectIndex.KeyTerm;
import jp.kaiji.normalize.Hashes;
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

  /**
   * Whether the requester gave a mobile as theirs today. With one mobile on the form, it is. With
   * more, the one their confirmed records show last is the one they still hold, provided the
   * records show every other one they gave, each last on an earlier day; otherwise which one is
   * current is not known.
   */
  private static boolean givenAsCurrent(
      String mobile, List<String> givenMobiles, Map<String, LocalDate> lastShown) {
    if (!givenMobiles.contains(mobile)) {
      return false;
    }
    if (givenMobiles.size() == 1) {
      return true;
    }
    LocalDate last = lastShown.get(mobile);
    return last != null
        && givenMobiles.stream()
            .filter(g -> !g.equals(mobile))
            .allMatch(g -> lastShown.containsKey(g) && lastShown.get(g).isBefore(last));
  }

  /** The last day a dated confirmed record shows each mobile. */
  private static Map<String, LocalDate> lastShownMobiles(Collection<RecordMatch> found) {
    Map<String, LocalDate> last = new HashMap<>();
    for (RecordMatch m : found) {
      Optional<LocalDate> d = day(m.record().recordDate());
      if (m.tier() != MatchTier.CONFIRMED || d.isEmpty()) {
        continue;
      }
      for (PhoneKey p : m.record().identity().phones()) {
        if (p.mobile()) {
          last.merge(p.e164(), d.get(), (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
    return last;
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
      if (namesNobody(holder.identity())) {
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
    for (IndexedRecord r : nameless) {
      Optional<LocalDate> date = day(r.recordDate());
      if (heldByAnother(date, mine, others)
          || outsideTheRequestersTenure(date, key, mine, current, strangers(others, found))
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
      if (unshared || heldByRequester(date, mine, others, current)) {
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
    AttributeMatch line = new AttributeMatch("ownership", Level.ABSENT, key.evidence(), 0, why);
    if (before.attributes().contains(line)) {
      return;
    }
    List<AttributeMatch> attributes = new ArrayList<>(before.attributes());
    attributes.add(line);
    found.put(
        r.docId(),
        new RecordMatch(
            r, before.tier(), before.score(), attributes, before.foundBy(), before.via()));
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
   * Whether another holder's records bound the requester's time with a mobile and the record lies
   * beyond that bound. A number has one holder at a time and is not given back to an earlier one,
   * so the requester held it over one stretch: from before their first record with it (or today,
   * when only the form gives it) to after their last (or today, when they still hold it). Another
   * holder's record dated before that stretch means it began later; one dated after means it ended
   * sooner. Another holder's record within the stretch contradicts it, and then nothing is placed.
   */
  private static boolean outsideTheRequestersTenure(
      Optional<LocalDate> date,
      Owned key,
      Optional<Span> mine,
      boolean current,
      List<IndexedRecord> others) {
    if (!key.attribute().equals("phone") || date.isEmpty() || (mine.isEmpty() && !current)) {
      return false;
    }
    // LocalDate.MAX stands for today: the form is newer than every record in the index.
    LocalDate from = mine.map(Span::first).orElse(LocalDate.MAX);
    LocalDate to = current ? LocalDate.MAX : mine.get().last();
    Optional<LocalDate> before = Optional.empty();
    Optional<LocalDate> after = Optional.empty();
    for (IndexedRecord o : others) {
      Optional<LocalDate> od = day(o.recordDate());
      if (od.isEmpty()) {
        continue;
      }
      LocalDate d = od.get();
      if (d.isBefore(from)) {
        before = before.filter(b -> b.isAfter(d)).or(() -> Optional.of(d));
      } else if (d.isAfter(to)) {
        after = after.filter(a -> a.isBefore(d)).or(() -> Optional.of(d));
      } else {
        return false;
      }
    }
    LocalDate d = date.get();
    return before.map(b -> !d.isAfter(b)).orElse(false)
        || after.map(a -> !d.isBefore(a)).orElse(false);
  }

  /**
   * The other holders the matcher rejected outright. One it returned, even for review, may be the
   * requester under a misspelt name, so it cannot bound the requester's time with the key.
   */
  private static List<IndexedRecord> strangers(
      List<IndexedRecord> others, Map<String, RecordMatch> found) {
    return others.stream().filter(o -> !found.containsKey(o.docId())).toList();
  }

  /**
   * Whether a mobile record was made before the requester had the number: a confirmed record of
   * theirs made after it, and before their first record with the number, shows another mobile.
   */
  private static boolean madeBeforeTheRequesterHadIt(
      Optional<LocalDate> date, Owned key, Optional<Span> mine, Map<String, RecordMatch> found) {
    return key.attribute().equals("phone")
        && date.isPresent()
        && mine.isPresent()
        && anotherMobileBetween(found.values(), key, date.get(), Optional.of(mine.get().first()));
  }

  /**
   * Whether the record lies within the time another holder's records show the key and outside the
   * time the requester's do.
   */
  private static boolean heldByAnother(
      Optional<LocalDate> date, Optional<Span> mine, List<IndexedRecord> others) {
    if (others.isEmpty() || date.isEmpty()) {
      return false;
    }
    List<LocalDate> theirs = new ArrayList<>();
    for (IndexedRecord o : others) {
      Optional<LocalDate> d = day(o.recordDate());
      if (d.isEmpty()) {
        return false;
      }
      theirs.add(d.get());
    }
    LocalDate d = date.get();
    boolean inTheirs = !d.isBefore(Collections.min(theirs)) && !d.isAfter(Collections.max(theirs));
    return inTheirs && !mine.map(m -> m.contains(d)).orElse(false);
  }

  /**
   * Whether the record was made while the requester held the key: within the time the requester's
   * confirmed records show it (widened backwards by the policy's grace unless another holder's
   * records come before theirs, and open towards today for a key the requester gave as current),
   * with no other holder's record dated between it and theirs. An undated record could have been
   * made by an earlier or later holder, so it is never placed.
   */
  private boolean heldByRequester(
      Optional<LocalDate> date, Optional<Span> mine, List<IndexedRecord> others, boolean current) {
    if (date.isEmpty() || mine.isEmpty()) {
      return false;
    }
    LocalDate first = mine.get().first();
    LocalDate last = mine.get().last();
    LocalDate d = date.get();
    // The grace reaches back only: a number the requester gave up is free for a new holder the
    // day after their last record shows it. Nor does it reach back past a known earlier holder:
    // between their last record and the requester's first, the dates cannot tell who called.
    boolean earlierHolder =
        others.stream()
            .anyMatch(o -> day(o.recordDate()).map(od -> od.isBefore(first)).orElse(true));
    LocalDate earliest = earlierHolder ? first : first.minusDays(graceDays);
    if (d.isBefore(earliest) || (!current && d.isAfter(last))) {
      return false;
    }
    LocalDate from = d.isBefore(first) ? d : first;
    LocalDate to = d.isAfter(last) ? d : last;
    for (IndexedRecord o : others) {
      Optional<LocalDate> od = day(o.recordDate());
      if (od.isEmpty() || !(od.get().isBefore(from) || od.get().isAfter(to))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the requester still holds the key: they gave it, and for a mobile, none of their
   * confirmed records made after the last one with it shows another mobile (a requester who lists
   * an old number beside the new one gave the old one up, and the carrier may have passed it on).
   */
  private static boolean current(Owned key, Optional<Span> mine, Collection<RecordMatch> found) {
    if (!key.current() || !key.attribute().equals("phone")) {
      return key.current();
    }
    return mine.isPresent()
        && !anotherMobileBetween(found, key, mine.get().last(), Optional.empty());
  }

  /**
   * Whether a confirmed record of the requester made after {@code after} (and before {@code
   * before}, when given) shows a mobile other than {@code key}.
   */
  private static boolean anotherMobileBetween(
      Collection<RecordMatch> found, Owned key, LocalDate after, Optional<LocalDate> before) {
    for (RecordMatch m : found) {
      Optional<LocalDate> d = day(m.record().recordDate());
      if (m.tier() == MatchTier.CONFIRMED
          && d.isPresent()
          && d.get().isAfter(after)
          && before.map(d.get()::isBefore).orElse(true)
          && m.record().identity().phones().stream()
              .anyMatch(p -> p.mobile() && !p.e164().equals(key.key()))) {
        return true;
      }
    }
    return false;
  }

  /** The first and last dates of the requester's confirmed records holding a key. */
  private record Span(LocalDate first, LocalDate last) {
    static Optional<Span> of(List<RecordMatch> confirmed) {
      List<LocalDate> dates = new ArrayList<>();
      confirmed.forEach(m -> day(m.record().recordDate()).ifPresent(dates::add));
      return dates.isEmpty()
          ? Optional.empty()
          : Optional.of(new Span(Collections.min(dates), Collections.max(dates)));
    }

    boolean contains(LocalDate d) {
      return !d.isBefore(first) && !d.isAfter(last);
    }
  }

  private static Optional<LocalDate> day(Optional<String> isoDateOrTime) {
    try {
      return isoDateOrTime
          .filter(s -> s.length() >= 10)
          .map(s -> LocalDate.parse(s.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean namesNobody(IdentityKeys id) {
    return id.names().isEmpty() && id.readings().isEmpty() && id.birthDates().isEmpty();
  }

  /** At most five ids, sorted so that the same records are named in whatever order they came. */
  private static List<String> sampleIds(List<RecordMatch> confirmed) {
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
  private record Owned(
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
      return CandidateQuery.exactly(
          List.of(new KeyTerm(field, key), new KeyTerm(hashField, Hashes.sha256Hex(key))));
    }
  }
}
