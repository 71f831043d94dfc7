package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.ISSUED_ID;

import java.util.Optional;
import jp.kaiji.schema.IdentityKeys;

/** Compares the catalogue's other roles: the numbers the group issued, and the sex. */
final class RoleComparison {
  private final MatchPolicy policy;
  private final Weighing weighing;

  RoleComparison(MatchPolicy policy, Weighing weighing) {
    this.policy = policy;
    this.weighing = weighing;
  }

  /**
   * A number the group issued, compared within its scheme only. A different number in the same
   * scheme weighs little against: one person may hold two accounts.
   */
  Optional<AttributeMatch> compareIssuedIds(IdentityKeys q, IdentityKeys r) {
    if (q.issuedIds().isEmpty() || r.issuedIds().isEmpty()) {
      return Optional.empty();
    }
    for (String id : q.issuedIds()) {
      if (r.issuedIds().contains(id)) {
        return Optional.of(
            weighing.agree(
                "issuedId", Level.SAME, policy.m().issuedId(), ISSUED_ID, id, "same (" + id + ")"));
      }
    }
    boolean sameScheme =
        q.issuedIds().stream()
            .anyMatch(a -> r.issuedIds().stream().anyMatch(b -> scheme(a).equals(scheme(b))));
    return sameScheme
        ? Optional.of(
            new AttributeMatch(
                "issuedId",
                Level.DIFFERENT,
                Evidence.ISSUED_ID,
                policy.disagreement().issuedId(),
                "different number in the same scheme"))
        : Optional.empty();
  }

  private static String scheme(String issuedId) {
    return issuedId.substring(0, issuedId.indexOf(':'));
  }

  /** Only a disagreement is reported: agreement on the sex tells two people apart from nobody. */
  Optional<AttributeMatch> compareSex(IdentityKeys q, IdentityKeys r) {
    if (q.sex().isEmpty() || r.sex().isEmpty() || q.sex().equals(r.sex())) {
      return Optional.empty();
    }
    return Optional.of(
        new AttributeMatch(
            "sex",
            Level.DIFFERENT,
            Evidence.SEX,
            policy.disagreement().sex(),
            "different (" + r.sex().get() + " on the record)"));
  }
}
