package jp.kaiji.match;

import static jp.kaiji.index.IndexSchema.ADDRESS_BLOCK;
import static jp.kaiji.index.IndexSchema.ADDRESS_PREFECTURE_CITY;
import static jp.kaiji.index.IndexSchema.ADDRESS_TOWN;
import static jp.kaiji.index.IndexSchema.BIRTH_DATE;
import static jp.kaiji.index.IndexSchema.EMAIL_KEY;
import static jp.kaiji.index.IndexSchema.NAME_FULL;
import static jp.kaiji.index.IndexSchema.PHONE_E164;
import static jp.kaiji.index.IndexSchema.READING_KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kaiji.match.IdentityKeys.AddressKey;
import jp.kaiji.match.IdentityKeys.NameKey;
import jp.kaiji.match.IdentityKeys.PhoneKey;
import jp.kaiji.match.IdentityKeys.ReadingKey;
import jp.kaiji.normalize.Hashes;

/**
 * Compares a record's identifiers with a request's, attribute by attribute, and decides its tier.
 *
 * <p>The tier rules, which keep family members, twins and namesakes out of the confirmed tier:
 *
 * <ul>
 *   <li>Confirmed: two independent lines of {@link Evidence} agree, nothing contradicts (name or
 *       birth date different), and the score reaches {@link MatchPolicy#confirmedMinScore()}.
 *   <li>A different name (a given name that differs, not explained by a former name) drops the
 *       record unless a mobile or an e-mail agrees besides another line; then it needs review.
 *   <li>A different birth date with two agreeing lines needs review (a slip in the date).
 *   <li>Otherwise one agreeing line other than the name or the household alone needs review, as
 *       does any record whose score reaches {@link MatchPolicy#reviewMinScore()} with the name
 *       agreeing, and a record naming nobody that shares the household's fixed line; anything
 *       weaker is not returned.
 * </ul>
 */
public final class RecordComparator {
  private final MatchPolicy policy;
  private final TermStatistics stats;

  public RecordComparator(MatchPolicy policy, TermStatistics stats) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  public Comparison compare(IdentityKeys request, IdentityKeys record) {
    List<AttributeMatch> out = new ArrayList<>();
    compareName(request, record).ifPresent(out::add);
    compareBirthDate(request, record).ifPresent(out::add);
    compareAddress(request, record).ifPresent(out::add);
    comparePhones(request, record, out);
    compareEmails(request, record).ifPresent(out::add);
    double score = out.stream().mapToDouble(AttributeMatch::weight).sum();
    Comparison unranked = new Comparison(out, score, Optional.empty());
    return new Comparison(out, score, tierOf(unranked));
  }

  private Optional<MatchTier> tierOf(Comparison c) {
    Set<Evidence> agreeing = c.agreeing();
    boolean nameDiffers = c.contradicts("name");
    boolean birthDiffers = c.contradicts("birthDate");
    boolean personalContact = agreeing.contains(Evidence.MOBILE) || agreeing.contains(Evidence.EMAIL);
    if (nameDiffers) {
      return personalContact && agreeing.size() >= 2 ? Optional.of(MatchTier.NEEDS_REVIEW) : Optional.empty();
    }
    if (birthDiffers) {
      return agreeing.size() >= 2 ? Optional.of(MatchTier.NEEDS_REVIEW) : Optional.empty();
    }
    if (agreeing.size() >= 2 && c.score() >= policy.confirmedMinScore()) {
      return Optional.of(MatchTier.CONFIRMED);
    }
    if (agreeing.size() >= 2 || personalContact) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    if (agreeing.contains(Evidence.NAME) && c.score() >= policy.reviewMinScore()) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    // A record that names nobody and shares only the household's fixed line (a call from the
    // home phone) may be the requester's or a family member's: a reviewer decides.
    boolean namesNobody = c.attributes().stream().noneMatch(a -> a.attribute().equals("name"));
    boolean landline = c.attributes().stream().anyMatch(a -> a.attribute().equals("phone") && a.evidence() == Evidence.HOUSEHOLD && a.level().agrees());
    if (agreeing.equals(Set.of(Evidence.HOUSEHOLD)) && landline && namesNobody) {
      return Optional.of(MatchTier.NEEDS_REVIEW);
    }
    return Optional.empty();
  }

  // ---- name and reading: one line of evidence --------------------------------------------

  private Optional<AttributeMatch> compareName(IdentityKeys q, IdentityKeys r) {
    List<NameKey> qNames = q.names();
    List<NameKey> rNames = r.names();
    boolean qHas = !qNames.isEmpty() || !q.readings().isEmpty();
    boolean rHas = !rNames.isEmpty() || !r.readings().isEmpty();
    if (!qHas || !rHas) {
      return Optional.empty();
    }
    double m = policy.m().name();
    String bestFull = null;
    Level kanji = Level.ABSENT;
    String kanjiWhy = "";
    boolean kanjiSlip = false;
    for (NameKey qn : qNames) {
      for (NameKey rn : rNames) {
        NameVerdict v = compareNames(qn, rn, r);
        if (v.level.ordinal() < kanji.ordinal()) {
          kanji = v.level;
          kanjiWhy = v.why;
          kanjiSlip = v.slip;
          bestFull = v.fullKey;
        }
      }
    }
    if (kanji.agrees()) {
      return Optional.of(agree("name", kanji, m, NAME_FULL, bestFull, kanjiWhy));
    }
    Level reading = Level.ABSENT;
    String readingKey = null;
    for (ReadingKey qr : q.readings()) {
      for (ReadingKey rr : r.readings()) {
        Level l =
            qr.key().equals(rr.key())
                ? Level.SAME
                : qr.looseKey().equals(rr.looseKey()) || Strings.editDistanceAtMostOne(qr.key(), rr.key()) ? Level.CLOSE : Level.DIFFERENT;
        if (l.ordinal() < reading.ordinal()) {
          reading = l;
          readingKey = qr.key();
        }
      }
    }
    boolean kanjiComparable = kanji != Level.ABSENT;
    if (reading == Level.SAME && (!kanjiComparable || kanji == Level.CLOSE || kanjiSlip)) {
      String why = kanjiComparable ? "equivalent (same reading, " + kanjiWhy + ")" : "equivalent (same reading)";
      return Optional.of(agree("name", Level.EQUIVALENT, policy.m().reading(), READING_KEY, readingKey, why));
    }
    if (kanji == Level.CLOSE || (kanji != Level.DIFFERENT && (reading == Level.CLOSE || reading == Level.SAME))) {
      String why = kanji == Level.CLOSE ? "close (" + kanjiWhy + ")" : reading == Level.SAME ? "close (same reading, other kanji)" : "close (reading differs by a slip)";
      String field = kanji == Level.CLOSE ? NAME_FULL : READING_KEY;
      String key = kanji == Level.CLOSE ? bestFull : readingKey;
      double w = policy.closeFactor() * weight(m, field, key);
      return Optional.of(new AttributeMatch("name", Level.CLOSE, Evidence.NAME, w, why));
    }
    String why = kanji == Level.DIFFERENT ? kanjiWhy : "different (reading)";
    return Optional.of(new AttributeMatch("name", Level.DIFFERENT, Evidence.NAME, policy.disagreement().name(), why));
  }

  /**
   * How two names compare as written. {@code slip}: they differ by one character, which a
   * matching reading turns into a typo rather than another person (太朗/太郎, but not 太郎/次郎).
   */
  private record NameVerdict(Level level, String why, String fullKey, boolean slip) {
    NameVerdict(Level level, String why, String fullKey) {
      this(level, why, fullKey, false);
    }
  }

  private static NameVerdict compareNames(NameKey qn, NameKey rn, IdentityKeys record) {
    // Latin and Japanese names, or kana-only and kanji names, do not compare as written; a kana
    // name is compared as a reading instead.
    if (qn.latin() != rn.latin()
        || (qn.fullKey().isPresent() && rn.fullKey().isPresent()
            && Strings.isKana(qn.fullKey().get()) != Strings.isKana(rn.fullKey().get()))) {
      return new NameVerdict(Level.ABSENT, "", null);
    }
    String via = qn.former() || rn.former() ? ", former name" : "";
    if (qn.fullKey().isPresent() && qn.fullKey().equals(rn.fullKey())) {
      List<String> foldings = new ArrayList<>(qn.foldings());
      rn.foldings().stream().filter(f -> !foldings.contains(f)).forEach(foldings::add);
      return foldings.isEmpty()
          ? new NameVerdict(Level.SAME, "same" + (via.isEmpty() ? "" : " (" + via.substring(2) + ")"), qn.fullKey().get())
          : new NameVerdict(Level.EQUIVALENT, "equivalent (" + String.join(", ", foldings) + via + ")", qn.fullKey().get());
    }
    if (sameGivenName(qn, rn)) {
      // Same given name, other family name: a marriage is explained by a former family name on
      // either side; anything else is only close.
      boolean explained =
          qn.familyKey().isPresent()
              && (record.names().stream().anyMatch(n -> n.former() && n.familyKey().equals(qn.familyKey()))
                  || (qn.former() && qn.familyKey().equals(rn.familyKey())));
      if (explained) {
        return new NameVerdict(Level.EQUIVALENT, "equivalent (given name same, family name is a former name)", qn.fullKey().orElse(""));
      }
      return new NameVerdict(Level.CLOSE, "given name same, family name differs", qn.fullKey().orElse(""));
    }
    if (qn.fullKey().isPresent() && rn.fullKey().isPresent()) {
      String a = qn.fullKey().get();
      String b = rn.fullKey().get();
      boolean oneApart = a.length() >= 3 && Strings.editDistanceAtMostOne(a, b);
      boolean givenDiffers = qn.givenKey().isPresent() && rn.givenKey().isPresent();
      if (oneApart && !givenDiffers) {
        return new NameVerdict(Level.CLOSE, "one character differs", a);
      }
      // A given name that differs, even by one kanji (太郎/次郎), is another person unless the
      // readings agree (a typo such as 太朗/太郎): the reading comparison decides that.
      boolean sameFamily = qn.familyKey().isPresent() && qn.familyKey().equals(rn.familyKey());
      String why = oneApart ? "different (one character differs in the given name)"
          : sameFamily ? "different (family name same, given name differs)" : "different";
      return new NameVerdict(Level.DIFFERENT, why, a, oneApart);
    }
    return new NameVerdict(Level.ABSENT, "", null);
  }

  /**
   * Whether the given names agree: both split and equal, or one side unsplit (大﨑志乃, written
   * without a space) ending with the other side's given name while the rest differs.
   */
  private static boolean sameGivenName(NameKey a, NameKey b) {
    if (a.givenKey().isPresent() && b.givenKey().isPresent()) {
      return a.givenKey().equals(b.givenKey());
    }
    NameKey split = a.givenKey().isPresent() ? a : b;
    NameKey whole = split == a ? b : a;
    if (split.givenKey().isEmpty() || whole.fullKey().isEmpty()) {
      return false;
    }
    String full = whole.fullKey().get();
    String given = split.givenKey().get();
    return full.endsWith(given) && full.length() > given.length();
  }

  // ---- birth date ------------------------------------------------------------------------

  private Optional<AttributeMatch> compareBirthDate(IdentityKeys q, IdentityKeys r) {
    if (q.birthDates().isEmpty() || r.birthDates().isEmpty()) {
      return Optional.empty();
    }
    double m = policy.m().birthDate();
    for (String qd : q.birthDates()) {
      if (r.birthDates().contains(qd)) {
        return Optional.of(agree("birthDate", Level.SAME, m, BIRTH_DATE, qd, "same"));
      }
    }
    for (String qd : q.birthDates()) {
      for (String rd : r.birthDates()) {
        if (Strings.editDistanceAtMostOne(qd, rd) || swappedMonthDay(qd, rd)) {
          double w = policy.closeFactor() * weight(m, BIRTH_DATE, qd);
          return Optional.of(new AttributeMatch("birthDate", Level.CLOSE, Evidence.BIRTH_DATE, w, "close (one digit differs or month and day swapped)"));
        }
      }
    }
    return Optional.of(new AttributeMatch("birthDate", Level.DIFFERENT, Evidence.BIRTH_DATE, policy.disagreement().birthDate(), "different"));
  }

  private static boolean swappedMonthDay(String a, String b) {
    // ISO yyyy-MM-dd
    return a.length() == 10 && b.length() == 10 && a.substring(0, 4).equals(b.substring(0, 4))
        && a.substring(5, 7).equals(b.substring(8, 10)) && a.substring(8, 10).equals(b.substring(5, 7));
  }

  // ---- address: household evidence --------------------------------------------------------

  private Optional<AttributeMatch> compareAddress(IdentityKeys q, IdentityKeys r) {
    if (q.addresses().isEmpty() || r.addresses().isEmpty()) {
      return Optional.empty();
    }
    double m = policy.m().address();
    AttributeMatch best = null;
    for (AddressKey qa : q.addresses()) {
      String former = qa.former() ? ", former address" : "";
      for (AddressKey ra : r.addresses()) {
        AttributeMatch candidate;
        if (qa.block().isPresent() && qa.block().equals(ra.block())) {
          candidate = agree("address", Level.SAME, m, ADDRESS_BLOCK, qa.block().get(), "same block" + former);
        } else if (qa.town().isPresent() && qa.town().equals(ra.town())) {
          boolean bothBlocks = qa.block().isPresent() && ra.block().isPresent();
          double w = policy.closeFactor() * weight(m, ADDRESS_TOWN, qa.town().get());
          candidate = new AttributeMatch("address", Level.CLOSE, Evidence.HOUSEHOLD, w,
              (bothBlocks ? "same town, block differs" : "same town") + former);
        } else if (qa.prefectureCity().isPresent() && qa.prefectureCity().equals(ra.prefectureCity())) {
          double w = policy.cityFactor() * weight(m, ADDRESS_PREFECTURE_CITY, qa.prefectureCity().get());
          candidate = new AttributeMatch("address", Level.CLOSE, Evidence.HOUSEHOLD, w, "same city" + former);
        } else if (qa.postcode().isPresent() && qa.postcode().equals(ra.postcode())) {
          candidate = new AttributeMatch("address", Level.CLOSE, Evidence.HOUSEHOLD, 1.0, "same postcode" + former);
        } else {
          candidate = new AttributeMatch("address", Level.DIFFERENT, Evidence.HOUSEHOLD, policy.disagreement().address(), "different");
        }
        if (best == null || better(candidate, best)) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
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
      boolean clear = r.phones().stream().anyMatch(p -> p.e164().equals(qp.e164()));
      boolean hashed = !clear && r.phoneHashes().contains(Hashes.sha256Hex(qp.e164()));
      if (!clear && !hashed) {
        continue;
      }
      String why = (clear ? "same (E.164, " : "equivalent (SHA-256 of E.164, ") + (qp.mobile() ? "mobile)" : "fixed line)");
      AttributeMatch a = agree("phone", clear ? Level.SAME : Level.EQUIVALENT, m, PHONE_E164, qp.e164(), why);
      if (qp.mobile()) {
        mobile = mobile == null ? a : mobile;
      } else {
        fixed = fixed == null ? new AttributeMatch("phone", a.level(), Evidence.HOUSEHOLD, a.weight(), a.explanation()) : fixed;
      }
    }
    if (mobile != null) {
      out.add(new AttributeMatch("phone", mobile.level(), Evidence.MOBILE, mobile.weight(), mobile.explanation()));
    }
    if (fixed != null) {
      out.add(fixed);
    }
    if (mobile == null && fixed == null) {
      out.add(new AttributeMatch("phone", Level.DIFFERENT, Evidence.MOBILE, policy.disagreement().phone(), "different"));
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
        return Optional.of(agree("email", Level.SAME, m, EMAIL_KEY, qe, "same"));
      }
    }
    for (String qe : q.emails()) {
      if (r.emailHashes().contains(Hashes.sha256Hex(qe))) {
        return Optional.of(agree("email", Level.EQUIVALENT, m, EMAIL_KEY, qe, "equivalent (SHA-256 of the normalized address)"));
      }
    }
    return Optional.of(new AttributeMatch("email", Level.DIFFERENT, Evidence.EMAIL, policy.disagreement().email(), "different"));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private AttributeMatch agree(String attribute, Level level, double m, String field, String key, String why) {
    Evidence evidence =
        switch (attribute) {
          case "name" -> Evidence.NAME;
          case "birthDate" -> Evidence.BIRTH_DATE;
          case "address" -> Evidence.HOUSEHOLD;
          case "phone" -> Evidence.MOBILE;
          case "email" -> Evidence.EMAIL;
          default -> throw new IllegalArgumentException("unknown attribute " + attribute);
        };
    double w = key == null ? 0 : weight(m, field, key);
    return new AttributeMatch(attribute, level, evidence, w, why);
  }

  private double weight(double m, String field, String key) {
    return policy.agreementWeight(m, policy.chanceAgreement(priorOf(field), stats.docFreq(field, key), stats.docCount()));
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
      default -> throw new IllegalArgumentException("no prior for field " + field);
    };
  }

  private static boolean better(AttributeMatch a, AttributeMatch b) {
    return a.level().ordinal() < b.level().ordinal() || (a.level() == b.level() && a.weight() > b.weight());
  }
}
