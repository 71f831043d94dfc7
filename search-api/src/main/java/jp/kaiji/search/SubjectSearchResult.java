package jp.kaiji.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import jp.kaiji.match.AttributeMatch;
import jp.kaiji.match.MatchTier;
import jp.kaiji.match.RecordMatch.FoundBy;
import jp.kaiji.schema.Unusable;

/**
 * Everything found about one person, grouped company → source → records, with the proof of a
 * complete search: every source searched with its hit count (zero included) and the index
 * generation that answered. Values on the form the search could not use are listed in {@code
 * unusableIdentifiers} (field, code, reason; never the value); every other value was used. {@code
 * categories} says per data category whether records were found, nothing was found, or records are
 * held that what was given cannot find ({@link CategoryState}).
 */
public record SubjectSearchResult(
    Optional<String> requestReference,
    String searchedAt,
    Generation generation,
    Summary summary,
    List<CompanyHits> companies,
    List<SourceSearched> sourcesSearched,
    List<Unusable> unusableIdentifiers,
    List<CategoryState> categories) {

  public SubjectSearchResult {
    unusableIdentifiers =
        unusableIdentifiers == null ? List.of() : List.copyOf(unusableIdentifiers);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /**
   * A file the record references (a call's recording, a footage clip).
   *
   * @param column the column that names it
   * @param file the file as the record names it, relative to the source's media folder
   * @param included whether the file itself goes to the requester; otherwise a statement says why
   *     not ({@code reason})
   * @param reason why it is not disclosed as it is
   */
  public record Media(String column, String file, boolean included, Optional<String> reason) {
    public Media {
      reason = reason == null ? Optional.empty() : reason;
    }
  }

  public record Generation(String id, String builtAt) {}

  public record Summary(int records, int confirmed, int needsReview) {}

  public record CompanyHits(String company, String legalName, List<SourceHits> sources) {}

  public record SourceHits(
      String source,
      String title,
      String category,
      String categoryLabel,
      String purpose,
      boolean jointlyUsed,
      List<RecordHit> records) {}

  /**
   * One returned record.
   *
   * @param id {@code sourceId/key}
   * @param key the record's primary key in its source
   * @param explanation one line per attribute, e.g. {@code phone: same (E.164, mobile)}
   * @param original the record exactly as the source holds it
   * @param media the file it references, if its source maps one
   */
  public record RecordHit(
      String id,
      String key,
      MatchTier tier,
      double score,
      FoundBy foundBy,
      Optional<String> via,
      List<String> explanation,
      List<AttributeMatch> attributes,
      JsonNode original,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
          Optional<Media> media) {
    public RecordHit {
      media = media == null ? Optional.empty() : media;
    }
  }

  /**
   * @param records how many records the source has in this generation
   * @param hits how many of them this search returned
   */
  public record SourceSearched(String source, String company, long records, int hits) {}
}
