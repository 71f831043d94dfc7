package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.ADDRESS_BLOCK;
import static jp.kaiji.schema.IndexSchema.ADDRESS_PREFECTURE_CITY;
import static jp.kaiji.schema.IndexSchema.ADDRESS_TOWN;
import static jp.kaiji.schema.IndexSchema.BIRTH_DATE;
import static jp.kaiji.schema.IndexSchema.EMAIL_KEY;
import static jp.kaiji.schema.IndexSchema.ISSUED_ID;
import static jp.kaiji.schema.IndexSchema.NAME_FULL;
import static jp.kaiji.schema.IndexSchema.PHONE_E164;
import static jp.kaiji.schema.IndexSchema.READING_KEY;

import java.util.Objects;

/** Evidence weights of agreements: the policy's {@code m} against the index's {@code u}. */
final class Weighing {
  private final MatchPolicy policy;
  private final TermStatistics stats;

  Weighing(MatchPolicy policy, TermStatistics stats) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  MatchPolicy policy() {
    return policy;
  }

  /**
   * An agreement of {@code attribute} on {@code key} of index {@code field}, weighted by how rare
   * the key is.
   */
  AttributeMatch agree(
      String attribute, Level level, double m, String field, String key, String why) {
    Evidence evidence =
        switch (attribute) {
          case "name" -> Evidence.NAME;
          case "birthDate" -> Evidence.BIRTH_DATE;
          case "address" -> Evidence.HOUSEHOLD;
          case "phone" -> Evidence.MOBILE;
          case "email" -> Evidence.EMAIL;
          case "issuedId" -> Evidence.ISSUED_ID;
          default -> throw new IllegalArgumentException("unknown attribute " + attribute);
        };
    double w = key == null ? 0 : weight(m, field, key);
    return new AttributeMatch(attribute, level, evidence, w, why);
  }

  double weight(double m, String field, String key) {
    return policy.agreementWeight(
        m, policy.chanceAgreement(priorOf(field), stats.docFreq(field, key), stats.docCount()));
  }

  /** The prior share of one value of this index field; coarser address precisions are commoner. */
  private double priorOf(String field) {
    MatchPolicy.Weights p = policy.prior();
    return switch (field) {
      case NAME_FULL -> p.name();
      case READING_KEY -> p.reading();
      case BIRTH_DATE -> p.birthDate();
      case ADDRESS_BLOCK -> p.address();
      case ADDRESS_TOWN -> p.address() * 20;
      case ADDRESS_PREFECTURE_CITY -> p.address() * 1000;
      case PHONE_E164 -> p.phone();
      case EMAIL_KEY -> p.email();
      case ISSUED_ID -> p.issuedId();
      default -> throw new IllegalArgumentException("no prior for field " + field);
    };
  }
}
