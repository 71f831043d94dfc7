package jp.kaiji.search;

import java.util.Objects;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;

/**
 * The body of a subject search.
 *
 * @param requestReference the disclosure request this search is for (audited under it)
 * @param subject the identifiers the requester wrote on the form
 */
public record SearchRequest(Optional<String> requestReference, SubjectQuery subject) {
  public SearchRequest {
    requestReference = requestReference == null ? Optional.empty() : requestReference;
    Objects.requireNonNull(subject, "subject");
    requestReference.ifPresent(
        r -> {
          if (!r.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(
                "requestReference must be 1-64 letters, digits, '.', '_' or '-'");
          }
        });
  }
}
