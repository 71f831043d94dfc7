package jp.kaiji.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.LocatorMapping;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.match.LocatorIndex;
import jp.kaiji.match.LocatorSearch;
import jp.kaiji.match.RecordMatch;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.schema.LocatorTerm;

/**
 * The search service's part for holdings that identifiers cannot find: runs the {@link
 * LocatorSearch} for the request's locators with each source's retention, and says per category
 * whether it was found, searched and nothing found, or held but not findable by what was given.
 */
final class Holdings {
  private static final long DAY = 86_400;

  private final SourceCatalog catalog;
  private final SubjectIndex.Snapshot snapshot;
  private final long now;

  Holdings(SourceCatalog catalog, SubjectIndex.Snapshot snapshot, Instant now) {
    this.catalog = catalog;
    this.snapshot = snapshot;
    this.now = now.getEpochSecond();
  }

  /** Per source with a retention, the first epoch second still held. */
  Map<String, Long> heldSince() {
    Map<String, Long> out = new HashMap<>();
    catalog.sources().forEach(s -> s.retentionDays().ifPresent(d -> out.put(s.id(), cutoff(d))));
    return out;
  }

  private long cutoff(int retentionDays) {
    return now - retentionDays * DAY;
  }

  /** The records the locators find, for review; none when there are none. */
  List<RecordMatch> locate(List<LocatorTerm> terms) {
    if (terms.isEmpty() || !LocatorSearch.supported(snapshot)) {
      return List.of();
    }
    return LocatorSearch.find(snapshot, terms, heldSince());
  }

  /**
   * The state of every category the catalogue's sources hold, in the catalogue's category order.
   *
   * @param matches every record returned
   * @param identified whether the request had identifiers (name, phone …) to search by
   * @param terms the request's usable locators
   */
  List<CategoryState> states(
      List<RecordMatch> matches, boolean identified, List<LocatorTerm> terms) {
    Map<String, Long> found =
        matches.stream()
            .collect(Collectors.groupingBy(m -> m.record().category(), Collectors.counting()));
    // An index that cannot search locators searched nothing by them: those holdings stay "held,
    // not findable" rather than "nothing found".
    Set<String> given =
        LocatorSearch.supported(snapshot)
            ? terms.stream().map(t -> t.kind().id()).collect(Collectors.toSet())
            : Set.of();
    Map<String, Long> sizes = snapshot.recordsPerSource();
    Map<String, CategoryState> out = new LinkedHashMap<>();
    for (DataCategory category : catalog.knownCategories().values()) {
      List<SourceDefinition> sources =
          catalog.sources().stream()
              .filter(s -> s.category() != null && s.category().id().equals(category.id()))
              .toList();
      if (sources.isEmpty()) {
        continue;
      }
      List<CategoryState.Holding> notFindable = new ArrayList<>();
      List<CategoryState.Holding> expired = new ArrayList<>();
      for (SourceDefinition s : sources) {
        if (!held(s, sizes)) {
          continue; // nothing held (empty, or every record past retention): not held
        }
        if (searched(s, identified, given)) {
          if (pastRetention(s, terms)) {
            expired.add(holding(s));
          }
        } else {
          notFindable.add(holding(s));
        }
      }
      long records = found.getOrDefault(category.id(), 0L);
      out.put(
          category.id(),
          new CategoryState(
              category.id(),
              category.japaneseLabel(),
              CategoryState.State.of(records, notFindable),
              (int) records,
              notFindable,
              expired));
    }
    return List.copyOf(out.values());
  }

  /** Whether a source holds any record now: it has records, and some within its retention. */
  private boolean held(SourceDefinition s, Map<String, Long> sizes) {
    if (sizes.getOrDefault(s.id(), 0L) == 0) {
      return false;
    }
    if (s.retentionDays().isEmpty() || !(snapshot instanceof LocatorIndex li)) {
      return true;
    }
    return li.heldSince(s.id(), cutoff(s.retentionDays().get())) > 0;
  }

  /** Whether what was given can find a record of this source at all. */
  private static boolean searched(SourceDefinition s, boolean identified, Set<String> given) {
    boolean byIdentity = !s.identity().mappedColumns().isEmpty() || !s.foreignKeys().isEmpty();
    if (identified && byIdentity) {
      return true;
    }
    return s.locators().map(LocatorMapping::whatToGive).orElse(List.of()).stream()
        .anyMatch(given::contains);
  }

  /**
   * Whether a timed locator of a kind this source takes asked only for times it no longer holds.
   */
  private boolean pastRetention(SourceDefinition s, List<LocatorTerm> terms) {
    if (s.retentionDays().isEmpty() || s.locators().isEmpty()) {
      return false;
    }
    List<String> kinds = s.locators().get().whatToGive();
    long cutoff = cutoff(s.retentionDays().get());
    return terms.stream()
        .anyMatch(t -> kinds.contains(t.kind().id()) && t.timed() && t.to().getAsLong() < cutoff);
  }

  private static CategoryState.Holding holding(SourceDefinition s) {
    List<String> give = new ArrayList<>();
    // A source with identity columns is found by the requester's identifiers, when given.
    if (!s.identity().mappedColumns().isEmpty() || !s.foreignKeys().isEmpty()) {
      give.add("identity");
    }
    s.locators().ifPresent(l -> give.addAll(l.whatToGive()));
    return new CategoryState.Holding(s.id(), s.company(), s.title(), s.retentionDays(), give);
  }

  /** The media reference of a record of {@code source}, read from its original. */
  static Optional<SubjectSearchResult.Media> media(
      SourceDefinition source, com.fasterxml.jackson.databind.JsonNode original) {
    if (source.media().isEmpty()) {
      return Optional.empty();
    }
    var m = source.media().get();
    com.fasterxml.jackson.databind.JsonNode v =
        m.column().startsWith("/") ? original.at(m.column()) : original.get(m.column());
    if (v == null || v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new SubjectSearchResult.Media(m.column(), v.asText().strip(), m.included(), m.reason()));
  }
}
