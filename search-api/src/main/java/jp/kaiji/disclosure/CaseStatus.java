package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a request stands. {@code received → in_review} (a search ran) {@code → ready} (every
 * needs-review record decided) {@code → exported}. Searches, decisions and redactions are allowed
 * while received or in review only: what was marked ready is what gets exported.
 */
public enum CaseStatus {
  RECEIVED,
  IN_REVIEW,
  READY,
  EXPORTED;

  @JsonValue
  public String id() {
    return Ids.id(this);
  }

  @JsonCreator
  public static CaseStatus fromId(String id) {
    return Ids.fromId(CaseStatus.class, "status", id);
  }
}
