package jp.kaiji.match;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The attribute-by-attribute comparison of one record with a request, and the tier it earns.
 *
 * @param attributes every attribute that was compared
 * @param score the sum of the attributes' weights
 * @param tier the tier, or empty when the record is too weak to return
 */
record Comparison(
    List<AttributeMatch> attributes, double score, java.util.Optional<MatchTier> tier) {
  public Comparison {
    attributes = List.copyOf(attributes);
  }

  /** The lines of evidence that agree. */
  public Set<Evidence> agreeing() {
    Set<Evidence> out = EnumSet.noneOf(Evidence.class);
    for (AttributeMatch a : attributes) {
      if (a.level().agrees()) {
        out.add(a.evidence());
      }
    }
    return out;
  }

  /** Whether any attribute of this line of evidence contradicts the request. */
  public boolean contradicts(String attribute) {
    return attributes.stream()
        .anyMatch(a -> a.attribute().equals(attribute) && a.level() == Level.DIFFERENT);
  }
}
