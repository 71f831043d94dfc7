package jp.kaiji.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.audit.IdentifierHasher;
import jp.kaiji.auth.Principal;
import jp.kaiji.catalog.Company;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.match.AttributeMatch;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.LocatorSearch;
import jp.kaiji.match.MatchTier;
import jp.kaiji.match.RecordMatch;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectMatcher;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RequestIdentity;
import jp.kaiji.schema.RequestLocators;
import jp.kaiji.schema.Unusable;

/**
 * The subject search as staff use it: normalizes the form, matches on one index snapshot, groups
 * the records company → source with category and purpose of use, and audits the search before
 * answering. Independent of HTTP, so the console and the export use it too.
 */
public final class SubjectSearchService {
  private final SubjectIndex index;
  private final Supplier<SourceCatalog> catalog;
  private final SubjectMatcher matcher;
  private final AuditLog audit;
  private final IdentifierHasher hasher;
  private final Clock clock;
  private final ObjectMapper json;

  public SubjectSearchService(
      SubjectIndex index,
      Supplier<SourceCatalog> catalog,
      SubjectMatcher matcher,
      AuditLog audit,
      IdentifierHasher hasher,
      Clock clock,
      ObjectMapper json) {
    this.index = Objects.requireNonNull(index, "index");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.json = Objects.requireNonNull(json, "json");
  }

  /** Thrown when no index generation serves yet. */
  public static final class NoIndexException extends Exception {
    public NoIndexException() {
      super("no index generation is serving", null, false, false);
    }
  }

  /** Thrown for a search without any identifier. */
  public static final class EmptySearchException extends Exception {
    public EmptySearchException() {
      super("no identifier given", null, false, false);
    }
  }

  public SubjectSearchResult search(Principal who, SearchRequest request)
      throws RequestIdentity.InvalidIdentifier, NoIndexException, EmptySearchException {
    // One value that cannot be used never refuses the search: only a form with nothing usable.
    RequestIdentity.Parsed parsed = RequestIdentity.parse(request.subject());
    IdentityKeys keys = parsed.keys();
    // Locators (a visit, a call, a cookie id, an IP and time) find holdings that carry no name.
    RequestLocators.Parsed located = RequestLocators.parse(request.subject());
    List<Unusable> unusable = new ArrayList<>(parsed.unusable());
    unusable.addAll(located.unusable());
    if (keys.isEmpty() && located.terms().isEmpty()) {
      if (!unusable.isEmpty()) {
        throw new RequestIdentity.InvalidIdentifier(unusable);
      }
      throw new EmptySearchException();
    }
    try (SubjectIndex.Snapshot snapshot = index.acquire().orElseThrow(NoIndexException::new)) {
      Holdings holdings = new Holdings(catalog.get(), snapshot, clock.instant());
      List<RecordMatch> matches = keys.isEmpty() ? List.of() : matcher.match(snapshot, keys);
      matches = LocatorSearch.merge(matches, holdings.locate(located.terms()));
      SubjectSearchResult result =
          group(
              request,
              snapshot,
              matches,
              unusable,
              holdings.states(matches, !keys.isEmpty(), located.terms()));
      audit.append(
          new AuditEvent(
              who.name(),
              who.role().id(),
              "subject.search",
              request.requestReference(),
              hashed(keys, located.terms()),
              Optional.empty(),
              matches.size(),
              unusable.stream().map(u -> u.field() + ":" + u.code()).toList()));
      return result;
    }
  }

  /** One record by source and key, audited as a record view. */
  public Optional<JsonNode> record(
      Principal who, Optional<String> requestReference, String sourceId, String key)
      throws NoIndexException {
    try (SubjectIndex.Snapshot snapshot = index.acquire().orElseThrow(NoIndexException::new)) {
      Optional<IndexedRecord> r = snapshot.get(sourceId, key);
      audit.append(
          new AuditEvent(
              who.name(),
              who.role().id(),
              "record.view",
              requestReference,
              List.of(),
              Optional.of(sourceId + "/" + key),
              r.isPresent() ? 1 : 0));
      return r.map(this::original);
    }
  }

  private SubjectSearchResult group(
      SearchRequest request,
      SubjectIndex.Snapshot snapshot,
      List<RecordMatch> matches,
      List<Unusable> unusable,
      List<CategoryState> categories) {
    Map<String, List<RecordMatch>> bySource = new LinkedHashMap<>();
    for (RecordMatch m : matches) {
      bySource.computeIfAbsent(m.record().sourceId(), s -> new ArrayList<>()).add(m);
    }
    Map<String, Long> sizes = snapshot.recordsPerSource();
    SourceCatalog sourceCatalog = catalog.get();
    List<SubjectSearchResult.CompanyHits> companies = new ArrayList<>();
    List<SubjectSearchResult.SourceSearched> searched = new ArrayList<>();
    for (Company company : sourceCatalog.companies()) {
      List<SubjectSearchResult.SourceHits> sources = new ArrayList<>();
      for (SourceDefinition s : sourceCatalog.sources()) {
        if (!s.company().equals(company.id())) {
          continue;
        }
        List<RecordMatch> hits = bySource.getOrDefault(s.id(), List.of());
        bySource.remove(s.id());
        searched.add(
            new SubjectSearchResult.SourceSearched(
                s.id(), company.id(), sizes.getOrDefault(s.id(), 0L), hits.size()));
        if (!hits.isEmpty()) {
          sources.add(
              new SubjectSearchResult.SourceHits(
                  s.id(),
                  s.title(),
                  s.category().id(),
                  s.category().japaneseLabel(),
                  s.purpose(),
                  s.jointlyUsed(),
                  hits.stream().map(m -> hit(m, Optional.of(s))).toList()));
        }
      }
      if (!sources.isEmpty()) {
        companies.add(
            new SubjectSearchResult.CompanyHits(company.id(), company.legalName(), sources));
      }
    }
    // A record whose source the catalogue no longer describes is still the requester's: it is
    // returned under its own ids, never dropped.
    for (Map.Entry<String, List<RecordMatch>> orphan : bySource.entrySet()) {
      IndexedRecord first = orphan.getValue().getFirst().record();
      searched.add(
          new SubjectSearchResult.SourceSearched(
              orphan.getKey(),
              first.company(),
              sizes.getOrDefault(orphan.getKey(), 0L),
              orphan.getValue().size()));
      companies.add(
          new SubjectSearchResult.CompanyHits(
              first.company(),
              first.company(),
              List.of(
                  new SubjectSearchResult.SourceHits(
                      orphan.getKey(),
                      orphan.getKey(),
                      first.category(),
                      "",
                      "(not in the current catalogue)",
                      false,
                      orphan.getValue().stream().map(m -> hit(m, Optional.empty())).toList()))));
    }
    long confirmed = matches.stream().filter(m -> m.tier() == MatchTier.CONFIRMED).count();
    var gen = snapshot.generation();
    return new SubjectSearchResult(
        request.requestReference(),
        clock.instant().toString(),
        new SubjectSearchResult.Generation(gen.id(), gen.builtAt().toString()),
        new SubjectSearchResult.Summary(
            matches.size(), (int) confirmed, matches.size() - (int) confirmed),
        companies,
        searched,
        unusable,
        categories);
  }

  private SubjectSearchResult.RecordHit hit(RecordMatch m, Optional<SourceDefinition> source) {
    IndexedRecord r = m.record();
    List<String> explanation = new ArrayList<>();
    m.via().ifPresent(v -> explanation.add("reached through a foreign key from " + v));
    m.attributes().stream().map(AttributeMatch::toString).forEach(explanation::add);
    List<AttributeMatch> attributes =
        m.attributes().stream()
            .map(
                a ->
                    new AttributeMatch(
                        a.attribute(), a.level(), a.evidence(), round(a.weight()), a.explanation()))
            .toList();
    JsonNode original = original(r);
    return new SubjectSearchResult.RecordHit(
        r.docId(),
        r.primaryKey(),
        m.tier(),
        round(m.score()),
        m.foundBy(),
        m.via(),
        explanation,
        attributes,
        original,
        source.flatMap(s -> Holdings.media(s, original)));
  }

  // Two decimals are all a reviewer reads; the long tail of a double is noise in the answer.
  private static double round(double weight) {
    return Math.round(weight * 100) / 100.0;
  }

  private JsonNode original(IndexedRecord r) {
    try {
      return json.readTree(r.originalJson());
    } catch (IOException e) {
      throw new UncheckedIOException("stored original of " + r.docId() + " is not JSON", e);
    }
  }

  /** Salted hashes of every identifier searched: the audit log shows what, never in clear. */
  private List<String> hashed(IdentityKeys k, List<jp.kaiji.schema.LocatorTerm> locators) {
    List<String> out = new ArrayList<>();
    k.names().forEach(n -> n.fullKey().ifPresent(v -> out.add(hasher.hash("name", v))));
    k.readings().forEach(r -> out.add(hasher.hash("reading", r.key())));
    k.birthDates().forEach(d -> out.add(hasher.hash("birthDate", d)));
    k.addresses()
        .forEach(
            a ->
                a.block()
                    .or(a::town)
                    .or(a::prefectureCity)
                    .or(a::postcode)
                    .ifPresent(v -> out.add(hasher.hash("address", v))));
    k.phones().forEach(p -> out.add(hasher.hash("phone", p.e164())));
    k.emails().forEach(e -> out.add(hasher.hash("email", e)));
    k.issuedIds().forEach(i -> out.add(hasher.hash("issuedId", i)));
    locators.forEach(t -> out.add(hasher.hash("locator." + t.kind().id(), t.value())));
    return out;
  }
}
