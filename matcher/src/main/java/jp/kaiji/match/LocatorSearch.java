package jp.kaiji.match;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.schema.LocatorTerm;

/**
 * Finds the records that carry no name but match a locator the requester gave: footage of a store
 * during a visit, a call log of a number at a call's time, a web log of a cookie id or of an IP
 * address at a time. Time windows are ranges on the record's interval, both edges included. Every
 * such record is {@link MatchTier#NEEDS_REVIEW}, never confirmed: a store visit or a shared IP does
 * not say who was there, a reviewer does.
 *
 * <p>A record past its source's retention (its interval ended before the cut-off) is treated as no
 * longer held: the source overwrites such records, and the answer says "not held".
 */
public final class LocatorSearch {
  /** At most this many records per locator: a visit's window holds a handful of clips. */
  public static final int LIMIT_PER_TERM = 200;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT)
          .withZone(ZoneId.of("Asia/Tokyo"));

  private LocatorSearch() {}

  /** Whether this snapshot can search locators at all. */
  public static boolean supported(SubjectIndex.Snapshot snapshot) {
    return snapshot instanceof LocatorIndex;
  }

  /**
   * The records found by the terms, one match per record, in source and time order.
   *
   * @param heldSince per source id, the first epoch second still held (now − retention); sources
   *     without retention are absent
   */
  public static List<RecordMatch> find(
      SubjectIndex.Snapshot snapshot, List<LocatorTerm> terms, Map<String, Long> heldSince) {
    if (terms.isEmpty()) {
      return List.of();
    }
    if (!(snapshot instanceof LocatorIndex index)) {
      throw new UnsupportedOperationException("this index cannot search locators");
    }
    Map<String, RecordMatch> found = new LinkedHashMap<>();
    for (LocatorTerm t : terms) {
      for (LocatorIndex.Hit h : index.findByLocator(t, LIMIT_PER_TERM)) {
        Long cutoff = heldSince.get(h.record().sourceId());
        if (cutoff != null && h.end().isPresent() && h.end().getAsLong() < cutoff) {
          continue; // past retention: overwritten at the source
        }
        found.putIfAbsent(h.record().docId(), match(t, h));
      }
    }
    List<RecordMatch> out = new ArrayList<>(found.values());
    out.sort(Comparator.comparing(m -> m.record().docId()));
    return out;
  }

  /**
   * {@code identified} plus the locator matches of records it does not already hold: a record found
   * by its identifiers keeps that finding.
   */
  public static List<RecordMatch> merge(List<RecordMatch> identified, List<RecordMatch> located) {
    if (located.isEmpty()) {
      return identified;
    }
    Map<String, RecordMatch> out = new LinkedHashMap<>();
    identified.forEach(m -> out.put(m.record().docId(), m));
    located.forEach(m -> out.putIfAbsent(m.record().docId(), m));
    return List.copyOf(out.values());
  }

  private static RecordMatch match(LocatorTerm t, LocatorIndex.Hit h) {
    StringBuilder why = new StringBuilder();
    why.append(
        switch (t.kind()) {
          case VISIT -> "same store";
          case CALL -> "same number";
          case COOKIE -> "same cookie or device id";
          case IP -> "same IP address";
        });
    if (t.timed() && h.start().isPresent()) {
      why.append(", record ").append(WHEN.format(Instant.ofEpochSecond(h.start().getAsLong())));
      if (h.end().isPresent() && h.end().getAsLong() != h.start().getAsLong()) {
        why.append(" – ").append(WHEN.format(Instant.ofEpochSecond(h.end().getAsLong())));
      }
      why.append(" within ")
          .append(WHEN.format(Instant.ofEpochSecond(t.from().getAsLong())))
          .append(" – ")
          .append(WHEN.format(Instant.ofEpochSecond(t.to().getAsLong())));
    }
    why.append(" (").append(t.form()).append(")");
    AttributeMatch a =
        new AttributeMatch(
            "locator." + t.kind().id(), Level.SAME, Evidence.LOCATOR, 0.0, why.toString());
    return new RecordMatch(
        h.record(),
        MatchTier.NEEDS_REVIEW,
        0.0,
        List.of(a),
        RecordMatch.FoundBy.LOCATOR,
        Optional.empty());
  }
}
