package jp.kaiji.match;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.schema.IdentityKeys.PhoneKey;

/**
 * When the requester held a mobile or e-mail address, as far as the record dates tell: their time
 * with it from their confirmed records and the form, the bounds other holders' records put on it,
 * and whether a record's date falls inside. A number has one holder at a time and is not given back
 * to an earlier one; what the dates cannot decide is left undecided.
 */
final class HolderDates {
  private HolderDates() {}

  /**
   * Whether the requester gave a mobile as theirs today. With one mobile on the form, it is. With
   * more, the one their confirmed records show last is the one they still hold, provided the
   * records show every other one they gave, each last on an earlier day; otherwise which one is
   * current is not known.
   */
  static boolean givenAsCurrent(
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
  static Map<String, LocalDate> lastShownMobiles(Collection<RecordMatch> found) {
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

  /**
   * Whether another holder's records bound the requester's time with a mobile and the record lies
   * beyond that bound. A number has one holder at a time and is not given back to an earlier one,
   * so the requester held it over one stretch: from before their first record with it (or today,
   * when only the form gives it) to after their last (or today, when they still hold it). Another
   * holder's record dated before that stretch means it began later; one dated after means it ended
   * sooner. Another holder's record within the stretch contradicts it, and then nothing is placed.
   */
  static boolean outsideTheRequestersTenure(
      Optional<LocalDate> date,
      IdentifierOwnership.Owned key,
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
   * Whether a mobile record was made before the requester had the number: a confirmed record of
   * theirs made after it, and before their first record with the number, shows another mobile.
   */
  static boolean madeBeforeTheRequesterHadIt(
      Optional<LocalDate> date,
      IdentifierOwnership.Owned key,
      Optional<Span> mine,
      Map<String, RecordMatch> found) {
    return key.attribute().equals("phone")
        && date.isPresent()
        && mine.isPresent()
        && anotherMobileBetween(found.values(), key, date.get(), Optional.of(mine.get().first()));
  }

  /**
   * Whether the record lies within the time another holder's records show the key and outside the
   * time the requester's do.
   */
  static boolean heldByAnother(
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
  static boolean heldByRequester(
      Optional<LocalDate> date,
      Optional<Span> mine,
      List<IndexedRecord> others,
      boolean current,
      int graceDays) {
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
  static boolean current(
      IdentifierOwnership.Owned key, Optional<Span> mine, Collection<RecordMatch> found) {
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
  static boolean anotherMobileBetween(
      Collection<RecordMatch> found,
      IdentifierOwnership.Owned key,
      LocalDate after,
      Optional<LocalDate> before) {
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
  record Span(LocalDate first, LocalDate last) {
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

  static Optional<LocalDate> day(Optional<String> isoDateOrTime) {
    try {
      return isoDateOrTime
          .filter(s -> s.length() >= 10)
          .map(s -> LocalDate.parse(s.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
