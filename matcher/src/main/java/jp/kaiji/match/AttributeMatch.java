package jp.kaiji.match;

import java.util.Objects;

/**
 * How one attribute compared, for the score and for the reviewer.
 *
 * @param attribute {@code name}, {@code reading}, {@code birthDate}, {@code address}, {@code
 *     phone}, {@code email}
 * @param level how it compared
 * @param evidence the line of evidence an agreement counts for
 * @param weight its evidence weight (log2 likelihood ratio; negative for disagreement)
 * @param explanation e.g. {@code same (E.164, mobile)} or {@code equivalent (髙→高)}
 */
public record AttributeMatch(
    String attribute, Level level, Evidence evidence, double weight, String explanation) {
  public AttributeMatch {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(explanation, "explanation");
  }

  /** {@code phone: same (E.164, mobile)}. */
  @Override
  public String toString() {
    return attribute + ": " + explanation;
  }
}
