package jp.kaiji.match;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Every weight and threshold of the matcher, in one place: {@code match-policy.json} beside this
 * class holds the defaults (documented in README, "How matching works"); a server may load its own
 * (its configuration's {@code matchPolicy}, read strictly by the server).
 *
 * <p>Agreement on a value is scored in the Fellegi–Sunter manner as {@code log2(m / u)}: {@code m}
 * is how often the attribute agrees for the same person (data quality), {@code u} how often it
 * agrees by chance, taken from the index as the share of records holding that value. Agreement on a
 * rare surname thus weighs more than on 佐藤. Disagreement adds a fixed negative weight.
 *
 * @param m per attribute, the probability that it agrees for the same person
 * @param prior per attribute, the share of people expected to hold one given value by chance (for
 *     an address: one block); blended with the index's own share so that a small index does not
 *     make every value look common
 * @param priorRecords how many records' worth of weight the prior carries in that blend
 * @param disagreement per attribute, the weight added when both sides have it and it disagrees
 * @param closeFactor share of the agreement weight that a close level (a slip, the same town) earns
 * @param cityFactor share of the agreement weight that agreement only on the city earns
 * @param maxAgreementWeight cap on one agreement's weight, so one rare value cannot decide alone
 * @param confirmedMinScore the least score of a confirmed match (besides two lines of evidence)
 * @param reviewMinScore the least score of a match that needs review; weaker ones are not returned
 * @param candidateLimit how many candidates one retrieval round brings back at most
 * @param expansionMaxIdentifiers how many identifiers found on confirmed records a second round
 *     searches
 * @param ownershipGraceDays how long before the first of the requester's records holding a mobile
 *     or e-mail a nameless record with it still counts as theirs (never after the last, for a key
 *     the requester no longer gives: it may have passed to a new holder at once) ({@link
 *     IdentifierOwnership}); 365 by default: carriers hold a cancelled number for months before
 *     passing it on, and a customer's first record with a number often comes long after they took
 *     it
 */
public record MatchPolicy(
    Weights m,
    Weights prior,
    double priorRecords,
    Weights disagreement,
    double closeFactor,
    double cityFactor,
    double maxAgreementWeight,
    double confirmedMinScore,
    double reviewMinScore,
    int candidateLimit,
    int expansionMaxIdentifiers,
    int ownershipGraceDays) {

  /** One number per attribute. */
  public record Weights(
      double name,
      double reading,
      double birthDate,
      double address,
      double phone,
      double email,
      double sex,
      double issuedId) {}

  public MatchPolicy {
    if (reviewMinScore > confirmedMinScore) {
      throw new IllegalArgumentException(
          "reviewMinScore "
              + reviewMinScore
              + " must not exceed confirmedMinScore "
              + confirmedMinScore);
    }
    if (candidateLimit < 1 || expansionMaxIdentifiers < 0 || ownershipGraceDays < 0) {
      throw new IllegalArgumentException(
          "candidateLimit must be >= 1, expansionMaxIdentifiers and ownershipGraceDays >= 0");
    }
  }

  /** The defaults shipped in {@code match-policy.json}. */
  public static MatchPolicy defaults() {
    try (InputStream in = MatchPolicy.class.getResourceAsStream("match-policy.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "match-policy.json is missing beside " + MatchPolicy.class.getName());
      }
      return mapper().readValue(in, MatchPolicy.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default match-policy.json", e);
    }
  }

  /**
   * The chance-agreement share {@code u} of a value held by {@code docFreq} of {@code docCount}
   * records: the index's share, smoothed towards the attribute's prior.
   */
  public double chanceAgreement(double prior, long docFreq, long docCount) {
    return (docFreq + priorRecords * prior) / (docCount + priorRecords);
  }

  /** {@code log2(m/u)}, capped at {@link #maxAgreementWeight()} and never negative. */
  public double agreementWeight(double m, double u) {
    double w = Math.log(m / Math.max(u, 1e-12)) / Math.log(2);
    return Math.max(0, Math.min(w, maxAgreementWeight));
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
  }
}
