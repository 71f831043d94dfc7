package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.ADDRESS_BLOCK;
import static jp.kaiji.schema.IndexSchema.ADDRESS_PREFECTURE_CITY;
import static jp.kaiji.schema.IndexSchema.ADDRESS_TOWN;

import java.util.Optional;
import java.util.Set;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.KeyRules;

/**
 * Compares addresses, household evidence: the same block, town, city or postcode in Japan, and the
 * words of an address abroad kept as free text.
 */
final class AddressComparison {
  private final MatchPolicy policy;
  private final Weighing weighing;

  AddressComparison(MatchPolicy policy, Weighing weighing) {
    this.policy = policy;
    this.weighing = weighing;
  }

  /** The address line: the best agreement of any address of the request with any of the record. */
  Optional<AttributeMatch> compare(IdentityKeys q, IdentityKeys r) {
    if (q.addresses().isEmpty() || r.addresses().isEmpty()) {
      return Optional.empty();
    }
    double m = policy.m().address();
    AttributeMatch best = null;
    for (AddressKey qa : q.addresses()) {
      String former = qa.former() ? ", former address" : "";
      for (AddressKey ra : r.addresses()) {
        AttributeMatch candidate;
        if (qa.freeText().isPresent() || ra.freeText().isPresent()) {
          // Free text (abroad) compares only with free text: a resolved address says nothing.
          if (qa.freeText().isEmpty() || ra.freeText().isEmpty()) {
            continue;
          }
          candidate = compareFreeText(qa.freeText().get(), ra.freeText().get(), m, former);
        } else if (qa.block().isPresent() && qa.block().equals(ra.block())) {
          candidate =
              weighing.agree(
                  "address", Level.SAME, m, ADDRESS_BLOCK, qa.block().get(), "same block" + former);
        } else if (qa.town().isPresent() && qa.town().equals(ra.town())) {
          boolean bothBlocks = qa.block().isPresent() && ra.block().isPresent();
          double w = policy.closeFactor() * weighing.weight(m, ADDRESS_TOWN, qa.town().get());
          candidate =
              new AttributeMatch(
                  "address",
                  Level.CLOSE,
                  Evidence.HOUSEHOLD,
                  w,
                  (bothBlocks ? "same town, block differs" : "same town") + former);
        } else if (qa.prefectureCity().isPresent()
            && qa.prefectureCity().equals(ra.prefectureCity())) {
          double w =
              policy.cityFactor()
                  * weighing.weight(m, ADDRESS_PREFECTURE_CITY, qa.prefectureCity().get());
          candidate =
              new AttributeMatch(
                  "address", Level.CLOSE, Evidence.HOUSEHOLD, w, "same city" + former);
        } else if (qa.postcode().isPresent() && qa.postcode().equals(ra.postcode())) {
          candidate =
              new AttributeMatch(
                  "address", Level.CLOSE, Evidence.HOUSEHOLD, 1.0, "same postcode" + former);
        } else {
          candidate =
              new AttributeMatch(
                  "address",
                  Level.DIFFERENT,
                  Evidence.HOUSEHOLD,
                  policy.disagreement().address(),
                  "different");
        }
        if (best == null || better(candidate, best)) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Token sets: the same set in any order is the same address, most tokens shared close. A word one
   * slip apart (Springfeild, Springfield) counts as shared; a number must be the same.
   */
  private AttributeMatch compareFreeText(String q, String r, double m, String former) {
    Set<String> qt = KeyRules.tokens(q);
    Set<String> rt = KeyRules.tokens(r);
    if (qt.equals(rt)) {
      return weighing.agree(
          "address", Level.SAME, m, ADDRESS_BLOCK, q, "same (free text, abroad)" + former);
    }
    long shared = qt.stream().filter(t -> rt.stream().anyMatch(u -> speltAlike(t, u))).count();
    if (shared >= 2 && shared * 2 > Math.max(qt.size(), rt.size())) {
      double w = policy.closeFactor() * weighing.weight(m, ADDRESS_TOWN, q);
      return new AttributeMatch(
          "address",
          Level.CLOSE,
          Evidence.HOUSEHOLD,
          w,
          "close (free text, abroad: most words shared)" + former);
    }
    return new AttributeMatch(
        "address",
        Level.DIFFERENT,
        Evidence.HOUSEHOLD,
        policy.disagreement().address(),
        "different");
  }

  /** The same word, or a word one slip apart that holds no digit (a street, a city). */
  private static boolean speltAlike(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    boolean words =
        a.chars().noneMatch(Character::isDigit) && b.chars().noneMatch(Character::isDigit);
    int edits = LatinNames.edits(a, b);
    return words && edits >= 0 && edits <= LatinNames.maxEdits(Math.max(a.length(), b.length()));
  }

  private static boolean better(AttributeMatch a, AttributeMatch b) {
    return a.level().ordinal() < b.level().ordinal()
        || (a.level() == b.level() && a.weight() > b.weight());
  }
}
