package jp.kaiji.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kaiji.schema.Unusable;
import jp.kaiji.search.CategoryState;
import jp.kaiji.search.SubjectSearchResult;

/**
 * What the search linked to a request returned, frozen: the package is built from this snapshot,
 * never from a later search, so that what the reviewer decided on is what the requester receives.
 *
 * @param generation the index generation that answered
 * @param generationBuiltAt when that generation was built
 * @param searchedAt when the search ran
 * @param companies records grouped company → source, in catalogue order
 * @param sourcesSearched every source searched with its size and hit count, zero included
 * @param unusableIdentifiers the form's values the search could not use (field and code, never the
 *     value); empty in results stored before Kaiji listed them
 * @param categories per data category: found, nothing found, or held but not findable by what was
 *     given; empty in results stored before Kaiji said so
 */
public record ResultSnapshot(
    String generation,
    String generationBuiltAt,
    String searchedAt,
    List<Company> companies,
    List<SourceSearched> sourcesSearched,
    List<Unusable> unusableIdentifiers,
    List<CategoryState> categories) {

  public ResultSnapshot {
    categories = categories == null ? List.of() : List.copyOf(categories);
    Objects.requireNonNull(generation, "generation");
    companies = List.copyOf(companies);
    sourcesSearched = List.copyOf(sourcesSearched);
    unusableIdentifiers =
        unusableIdentifiers == null ? List.of() : List.copyOf(unusableIdentifiers);
  }

  public record Company(String company, String legalName, List<Source> sources) {}

  public record Source(
      String source,
      String title,
      String category,
      String categoryLabel,
      String purpose,
      boolean jointlyUsed,
      List<Hit> records) {}

  /**
   * @param id {@code source/key}
   * @param tier {@code confirmed} or {@code needs_review}
   * @param original the record as its source holds it
   * @param media the file the record references (a recording, a clip), if any
   */
  public record Hit(
      String id,
      String key,
      String tier,
      double score,
      List<String> explanation,
      JsonNode original,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
          Optional<SubjectSearchResult.Media> media) {
    public Hit {
      media = media == null ? Optional.empty() : media;
    }

    public boolean needsReview() {
      return !"confirmed".equals(tier);
    }
  }

  public record SourceSearched(String source, String company, long records, int hits) {}

  public static ResultSnapshot of(SubjectSearchResult r) {
    return new ResultSnapshot(
        r.generation().id(),
        r.generation().builtAt(),
        r.searchedAt(),
        r.companies().stream()
            .map(
                c ->
                    new Company(
                        c.company(),
                        c.legalName(),
                        c.sources().stream()
                            .map(
                                s ->
                                    new Source(
                                        s.source(),
                                        s.title(),
                                        s.category(),
                                        s.categoryLabel(),
                                        s.purpose(),
                                        s.jointlyUsed(),
                                        s.records().stream()
                                            .map(
                                                h ->
                                                    new Hit(
                                                        h.id(),
                                                        h.key(),
                                                        h.tier().id(),
                                                        h.score(),
                                                        h.explanation(),
                                                        h.original(),
                                                        h.media()))
                                            .toList()))
                            .toList()))
            .toList(),
        r.sourcesSearched().stream()
            .map(s -> new SourceSearched(s.source(), s.company(), s.records(), s.hits()))
            .toList(),
        r.unusableIdentifiers(),
        r.categories());
  }

  public Stream<Hit> hits() {
    return companies.stream().flatMap(c -> c.sources().stream()).flatMap(s -> s.records().stream());
  }

  public Optional<Hit> hit(String id) {
    return hits().filter(h -> h.id().equals(id)).findFirst();
  }
}
