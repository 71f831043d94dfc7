package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.BIRTH_DATE;
import static jp.kaiji.schema.IndexSchema.EMAIL_KEY;
import static jp.kaiji.schema.IndexSchema.PHONE_E164;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kaiji.normalize.Hashes;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.PhoneKey;
import jp.kaiji.schema.KeyRules;

/**
 * Compares a record's identifiers with a request's, attribute by attribute, and decides its tier.
 *
 * <p>The tier rules, which keep family members, twins and namesakes out of the confirmed tier:
 *
 * <ul>
 *   <li>Confirmed: two independent lines of {@link Evidence} agree, nothing contradicts (name or
 *       birth date different), and the score reaches {@link MatchPolicy#confirmedMinScore()}; birth
 *       date and household alone (what twins share) never confirm without the same given name.
 *   <li>A different name (a given name that differs, not explained by a former name) drops the
 *       record unless a mobile or an e-mail agrees besides another line; then it needs review.
 *   <li>A different birth date with two agreeing lines needs review (a slip in the date).
 *   <li>Otherwise one agreeing line other than the name or the household alone needs review, as
 *       does any record whose score reaches {@link MatchPolicy#reviewMinScore()} with the name
 *       agreeing, a record whose name is close to the requester's at the same address or landline
 *       (not by an initial alone, which a household shares) or with the same birth date, and a
 *       record naming nobody that shares the household's fixed line; anything weaker is not
 *       returned.
 * </ul>
 *
 * <p>One instance serves one request on one thread (it remembers the request's hashed keys).
 */
final class RecordComparator {
  /** Evidence only one person holds: their mobile, their e-mail, a number the group issued them. */
  private static final Set<Evidence> PERSONAL =
      EnumSet.of(Evidence.MOBILE, Evidence.EMAIL, Evidence.ISSUED_ID);

  private final MatchPolicy policy;
  private final Weighing weighing;
  private final NameComparator names;
  private final RoleComparison roles;
  private final AddressComparison addresses;
  // One comparator serves one request: its keys are hashed once, not once per candidate.
  private final Map<String, String> hashes = new HashMap<>();

  public RecordComparator(MatchPolicy policy, TermStatistics stats) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.weighing = new Weighing(policy, stats);
    this.names = new NameComparator(weighing);
    this.roles = new RoleComparison(policy, weighing);
    this.addresses = new AddressComparison(policy, weighing);
  }

  public Comparison compare(IdentityKeys request, IdentityKeys record) {
    List<AttributeMatch> out = new ArrayList<>();
    names.compare(request, record).ifPresent(out::add);
    compareBirthDate(request, record).ifPresent(out::add);
    addresses.compare(request, record).ifPresent(out::add);
    comparePhones(request, record, out);
    compareEmails(request, record).ifPresent(out::add);
    roles.compareIssuedIds(request, record).ifPresent(out::add);
    roles.compareSex(request, record).ifPresent(out::add);
    double score = out.stream().mapToDouble(AttributeMatch::weight).sum();
    Comparison unranked = new Comparison(out, score, Optional.empty());
    return new Comparison(out, score, tierOf(unranked, names.shareGivenName(request, record)));
  }

  /**
   * Whether a record whose name differs is still the requester's: the same birth date and two
   * personal identifiers (a mobile, an e-mail, an issued number) outweigh a name written beyond
   * recognition (a transcription of a foreign name, two slips in a short word). Family members
   * share a birth date only as twins, and twins do not share both a mobile and an e-mail.
   */
  private boolean outweighsTheName(Set<Evidence> agreeing, double score) {
    long personal = agreeing.stream().filter(PERSONAL::contains).count();
    return agreeing.contains(Evidence.BIRTH_DATE)
        && personal >= 2
        && score >= policy.confirmedMinScore();
  }

  private Optional<MatchTier> tierOf(Comparison c, boolean sameGivenName) {
    Set<Evidence> agreeing = c.agreeing();
    boolean nameDiffers = c.contradicts("name");
    // A different sex is read like a different birth date: a slip needs a reviewer's eye.
    boolean birthDiffers = c.contradicts("birthDate") || c.contradicts("sex");
    boolean personalContact = agreeing.stream().anyMatch(PERSONAL::contains);
    if (nameDiffers) {
      if (!birthDiffers && outweighsTheName(agreeing, c.score())) {
        return Optional.of(MatchTier.CONFIRMED);
      }
      return personalContact && agreeing.size() >= 2
          ? Optional.of(MatchTier.NEEDS_REVIEW)
          : Optional.empty();
    }
    if (birthDiffers) {
      return agreeing.size() >= 2 ? Optional.of(MatchTier.NEEDS_REVIEW) : Optional.empty();
    }
    // Twins share the birth date and the household: those two alone never confirm, unless the
    // given name is the same (twins' differ; a married requester's maiden-name record shares it).
    boolean twinShaped =
        !sameGivenName
            && agreeing.stream().allMatch(e -> e == Evidence.BIRTH_DATE || e == Evidence.HOUSEHOLD);
    if (agreeing.size() >= 2 && !twinShaped && c.score() >= policy.confirmedMinScore()) {
      return Optional.of(MatchTier.CONFIRMED);
    }
    if (agreeing.size() >= 2 || personalContact) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    // A record that agrees on the name alone and disagrees on another identifier it holds is a
    // namesake: a person's own records seldom differ in every other respect.
    boolean disagreesElsewhere =
        c.attributes().stream().anyMatch(a -> a.level() == Level.DIFFERENT);
    if (agreeing.equals(Set.of(Evidence.NAME)) && disagreesElsewhere) {
      return Optional.empty();
    }
    if (agreeing.contains(Evidence.NAME) && c.score() >= policy.reviewMinScore()) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    // A name close to the requester's (the same given name under another family name: a
    // marriage the form did not mention) at the requester's address or landline.
    // A name close only by an initial (J Smith) is what a father and son share: not at the address.
    Optional<AttributeMatch> nameClose =
        c.attributes().stream()
            .filter(a -> a.attribute().equals("name") && a.level() == Level.CLOSE)
            .findFirst();
    boolean closeAsAName = nameClose.map(a -> a.evidence() == Evidence.NAME).orElse(false);
    // Or with the requester's birth date: a Latin name one letter off (Jonh/John) or a kanji slip
    // read the same, which only a reviewer can tell from a twin's name.
    if ((closeAsAName && agreeing.contains(Evidence.HOUSEHOLD))
        || (nameClose.isPresent() && agreeing.contains(Evidence.BIRTH_DATE))) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    // A record that names nobody and shares only the household's fixed line (a call from the
    // home phone) may be the requester's or a family member's: a reviewer decides.
    boolean namesNobody = c.attributes().stream().noneMatch(a -> a.attribute().equals("name"));
    boolean landline =
        c.attributes().stream()
            .anyMatch(
                a ->
                    a.attribute().equals("phone")
                        && a.evidence() == Evidence.HOUSEHOLD
                        && a.level().agrees());
    if (agreeing.equals(Set.of(Evidence.HOUSEHOLD)) && landline && namesNobody) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    return Optional.empty();
  }

  // ---- birth date ------------------------------------------------------------------------

  private Optional<AttributeMatch> compareBirthDate(IdentityKeys q, IdentityKeys r) {
    if (q.birthDates().isEmpty() || r.birthDates().isEmpty()) {
      return Optional.empty();
    }
    double m = policy.m().birthDate();
    for (String qd : q.birthDates()) {
      // A day that does not exist (kept as its digits) is never the same as anything.
      if (!KeyRules.isNearMissDate(qd) && r.birthDates().contains(qd)) {
        return Optional.of(weighing.agree("birthDate", Level.SAME, m, BIRTH_DATE, qd, "same"));
      }
    }
    for (String qd : q.birthDates()) {
      for (String rd : r.birthDates()) {
        String a = KeyRules.dateDigits(qd);
        String b = KeyRules.dateDigits(rd);
        if (Strings.editDistanceAtMostOne(a, b)
            || swappedMonthDay(a, b)
            || Strings.swappedNeighbours(a, b)) {
          boolean nearMiss = KeyRules.isNearMissDate(qd) || KeyRules.isNearMissDate(rd);
          // Weighed by the real date where one side has it: the near miss is in no index term.
          String real = KeyRules.isNearMissDate(qd) ? rd : qd;
          double w = policy.closeFactor() * weighing.weight(m, BIRTH_DATE, real);
          return Optional.of(
              new AttributeMatch(
                  "birthDate",
                  Level.CLOSE,
                  Evidence.BIRTH_DATE,
                  w,
                  nearMiss
                      ? "close (a day that does not exist, one digit or a swap away)"
                      : "close (one digit differs, two digits or month and day swapped)"));
        }
      }
    }
    // A day that does not exist and is not close says nothing: it was absent before it was kept.
    boolean nearMissOnly =
        q.birthDates().stream().allMatch(KeyRules::isNearMissDate)
            || r.birthDates().stream().allMatch(KeyRules::isNearMissDate);
    if (nearMissOnly) {
      return Optional.empty();
    }
    return Optional.of(
        new AttributeMatch(
            "birthDate",
            Level.DIFFERENT,
            Evidence.BIRTH_DATE,
            policy.disagreement().birthDate(),
            "different"));
  }

  private static boolean swappedMonthDay(String a, String b) {
    // yyyyMMdd
    return a.length() == 8
        && b.length() == 8
        && a.substring(0, 4).equals(b.substring(0, 4))
        && a.substring(4, 6).equals(b.substring(6, 8))
        && a.substring(6, 8).equals(b.substring(4, 6));
  }

  // ---- phones: a mobile is personal, a fixed line belongs to the household ----------------

  private void comparePhones(IdentityKeys q, IdentityKeys r, List<AttributeMatch> out) {
    if (q.phones().isEmpty() || (r.phones().isEmpty() && r.phoneHashes().isEmpty())) {
      return;
    }
    double m = policy.m().phone();
    AttributeMatch mobile = null;
    AttributeMatch fixed = null;
    for (PhoneKey qp : q.phones()) {
      Optional<PhoneKey> same =
          r.phones().stream().filter(p -> p.e164().equals(qp.e164())).findFirst();
      boolean clear = same.isPresent();
      boolean hashed = !clear && r.phoneHashes().contains(sha256(qp.e164()));
      if (!clear && !hashed) {
        continue;
      }
      // A number libphonenumber does not know tells no holder: household evidence at most.
      boolean verified = qp.verified() && same.map(PhoneKey::verified).orElse(true);
      String why =
          (clear ? "same (E.164, " : "equivalent (SHA-256 of E.164, ")
              + (!verified ? "unverified number)" : qp.mobile() ? "mobile)" : "fixed line)");
      AttributeMatch a =
          weighing.agree(
              "phone", clear ? Level.SAME : Level.EQUIVALENT, m, PHONE_E164, qp.e164(), why);
      if (qp.mobile() && verified) {
        mobile = mobile == null ? a : mobile;
      } else {
        fixed =
            fixed == null
                ? new AttributeMatch(
                    "phone", a.level(), Evidence.HOUSEHOLD, a.weight(), a.explanation())
                : fixed;
      }
    }
    if (mobile != null) {
      out.add(
          new AttributeMatch(
              "phone", mobile.level(), Evidence.MOBILE, mobile.weight(), mobile.explanation()));
    }
    if (fixed != null) {
      out.add(fixed);
    }
    if (mobile == null && fixed == null) {
      out.add(
          new AttributeMatch(
              "phone",
              Level.DIFFERENT,
              Evidence.MOBILE,
              policy.disagreement().phone(),
              "different"));
    }
  }

  // ---- e-mail -----------------------------------------------------------------------------

  private Optional<AttributeMatch> compareEmails(IdentityKeys q, IdentityKeys r) {
    if (q.emails().isEmpty() || (r.emails().isEmpty() && r.emailHashes().isEmpty())) {
      return Optional.empty();
    }
    double m = policy.m().email();
    for (String qe : q.emails()) {
      if (r.emails().contains(qe)) {
        return Optional.of(weighing.agree("email", Level.SAME, m, EMAIL_KEY, qe, "same"));
      }
    }
    for (String qe : q.emails()) {
      if (r.emailHashes().contains(sha256(qe))) {
        return Optional.of(
            weighing.agree(
                "email",
                Level.EQUIVALENT,
                m,
                EMAIL_KEY,
                qe,
                "equivalent (SHA-256 of the normalized address)"));
      }
    }
    return Optional.of(
        new AttributeMatch(
            "email", Level.DIFFERENT, Evidence.EMAIL, policy.disagreement().email(), "different"));
  }

  private String sha256(String key) {
    return hashes.computeIfAbsent(key, Hashes::sha256Hex);
  }
}
