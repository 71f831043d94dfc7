package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.NAME_FULL;
import static jp.kaiji.schema.IndexSchema.READING_KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kaiji.normalize.Readings;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.ReadingKey;

/**
 * Compares names and readings, one line of evidence. A given name that differs is another person
 * (太郎/次郎) unless the readings agree (太朗/太郎 is a typo); the same given name with another family name
 * is a marriage when a former name explains it, and otherwise only close.
 */
final class NameComparator {
  private final Weighing weighing;

  NameComparator(Weighing weighing) {
    this.weighing = weighing;
  }

  /** The name line of evidence: kanji (current and former names) first, then readings. */
  Optional<AttributeMatch> compare(IdentityKeys q, IdentityKeys r) {
    List<NameKey> qNames = q.names();
    List<NameKey> rNames = r.names();
    boolean qHas = !qNames.isEmpty() || !q.readings().isEmpty();
    boolean rHas = !rNames.isEmpty() || !r.readings().isEmpty();
    if (!qHas || !rHas) {
      return Optional.empty();
    }
    double m = weighing.policy().m().name();
    String bestFull = null;
    Level kanji = Level.ABSENT;
    String kanjiWhy = "";
    boolean kanjiSlip = false;
    Evidence kanjiEvidence = Evidence.NAME;
    for (NameKey qn : qNames) {
      for (NameKey rn : rNames) {
        NameVerdict v = compareNames(qn, rn, r);
        if (v.level.ordinal() < kanji.ordinal()) {
          kanji = v.level;
          kanjiWhy = v.why;
          kanjiSlip = v.slip;
          kanjiEvidence = v.evidence;
          bestFull = v.fullKey;
        }
      }
    }
    if (kanji.agrees()) {
      return Optional.of(weighing.agree("name", kanji, m, NAME_FULL, bestFull, kanjiWhy));
    }
    Level reading = Level.ABSENT;
    String readingKey = null;
    for (ReadingKey qr : q.readings()) {
      for (ReadingKey rr : r.readings()) {
        Level l =
            qr.key().equals(rr.key())
                ? Level.SAME
                : qr.looseKey().equals(rr.looseKey())
                        || Strings.editDistanceAtMostOne(qr.key(), rr.key())
                    ? Level.CLOSE
                    : Level.DIFFERENT;
        if (l.ordinal() < reading.ordinal()) {
          reading = l;
          readingKey = qr.key();
        }
      }
    }
    boolean kanjiComparable = kanji != Level.ABSENT;
    if (!kanjiComparable && reading != Level.SAME && reading != Level.CLOSE) {
      Optional<AttributeMatch> t = transcription(q, r);
      if (t.isPresent()) {
        return t;
      }
    }
    if (kanji == Level.DIFFERENT && kanjiSlip && reading == Level.ABSENT) {
      // A Latin name misspelt (Wruz for Cruz, Park for Mark) that the other side's katakana
      // reading transcribes exactly as the record writes it: the same name misspelt, close, as a
      // kanji slip read the same is; only other identifiers confirm the record.
      Optional<AttributeMatch> t = transcription(q, r);
      if (t.isPresent() && t.get().level() == Level.EQUIVALENT) {
        return Optional.of(
            misspeltButRead(t.get().weight(), "the reading transcribes it", kanjiWhy));
      }
    }
    if (kanji == Level.CLOSE && kanjiSlip && reading == Level.DIFFERENT) {
      // One kanji apart and read differently: another name, not a typo.
      return Optional.of(
          new AttributeMatch(
              "name",
              Level.DIFFERENT,
              Evidence.NAME,
              weighing.policy().disagreement().name(),
              "different (" + kanjiWhy + ", reading differs)"));
    }
    if (reading == Level.SAME && !kanjiComparable) {
      return Optional.of(
          weighing.agree(
              "name",
              Level.EQUIVALENT,
              weighing.policy().m().reading(),
              READING_KEY,
              readingKey,
              "equivalent (same reading)"));
    }
    if (reading == Level.SAME && (kanji == Level.CLOSE || kanjiSlip)) {
      // A kanji slip read the same is a typo (太朗/太郎) or a twin (康一/紘一, both コウイチ): close,
      // so that only other identifiers can confirm the record.
      AttributeMatch a =
          weighing.agree(
              "name", Level.CLOSE, weighing.policy().m().reading(), READING_KEY, readingKey, "");
      return Optional.of(misspeltButRead(a.weight(), "same reading", kanjiWhy));
    }
    if (kanji == Level.CLOSE
        || (kanji != Level.DIFFERENT && (reading == Level.CLOSE || reading == Level.SAME))) {
      String why =
          kanji == Level.CLOSE
              ? "close (" + kanjiWhy + ")"
              : reading == Level.SAME
                  ? "close (same reading, other kanji)"
                  : "close (reading differs by a slip)";
      String field = kanji == Level.CLOSE ? NAME_FULL : READING_KEY;
      String key = kanji == Level.CLOSE ? bestFull : readingKey;
      double w = weighing.policy().closeFactor() * weighing.weight(m, field, key);
      Evidence evidence = kanji == Level.CLOSE ? kanjiEvidence : Evidence.NAME;
      return Optional.of(new AttributeMatch("name", Level.CLOSE, evidence, w, why));
    }
    String why = kanji == Level.DIFFERENT ? kanjiWhy : "different (reading)";
    return Optional.of(
        new AttributeMatch(
            "name", Level.DIFFERENT, Evidence.NAME, weighing.policy().disagreement().name(), why));
  }

  /**
   * A name misspelt as written ({@code slipWhy}, a "different (…)" verdict) that a reading shows to
   * be the same name: close, weighed as the reading's agreement times the close factor.
   */
  private AttributeMatch misspeltButRead(double readingWeight, String reading, String slipWhy) {
    return new AttributeMatch(
        "name",
        Level.CLOSE,
        Evidence.NAME,
        weighing.policy().closeFactor() * readingWeight,
        "close (" + reading + ", " + slipWhy.replace("different (", "").replace(")", "") + ")");
  }

  /**
   * A Latin name on one side that a katakana name or reading on the other transcribes (Minh Nguyen,
   * グエン・ミン). Every word spelled alike once folded is what a reading agreeing with a name is:
   * equivalent, weighed as a reading. A word that meets only within the typo tolerance (Maria and
   * Mario meet so, as may twins' names), or a middle name on one side only, is close: only other
   * identifiers confirm such a record.
   */
  private Optional<AttributeMatch> transcription(IdentityKeys q, IdentityKeys r) {
    Optional<AttributeMatch> a = transcribed(q, r);
    return a.isPresent() ? a : transcribed(r, q);
  }

  private Optional<AttributeMatch> transcribed(IdentityKeys latinSide, IdentityKeys kanaSide) {
    // Katakana names, and readings that are not one of them (KeyRules.readingOfName).
    List<String[]> kana = new ArrayList<>();
    for (NameKey k : kanaSide.names()) {
      if (!k.latin() && k.fullKey().isPresent() && Readings.isKana(k.fullKey().get())) {
        kana.add(new String[] {k.fullKey().get(), NAME_FULL});
      }
    }
    for (ReadingKey k : kanaSide.readings()) {
      if (kana.stream().noneMatch(x -> x[0].equals(k.key()))) {
        kana.add(new String[] {k.key(), READING_KEY});
      }
    }
    AttributeMatch best = null;
    for (NameKey n : latinSide.names()) {
      if (!n.latin() || n.fullKey().isEmpty()) {
        continue;
      }
      for (String[] k : kana) {
        Optional<KanaLatinNames.Meeting> m = KanaLatinNames.meet(n.fullKey().get(), k[0]);
        if (m.isPresent() && (best == null || m.get().exact())) {
          best = transcriptionMatch(m.get(), k[1], k[0]);
          if (m.get().exact()) {
            return Optional.of(best);
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private AttributeMatch transcriptionMatch(KanaLatinNames.Meeting m, String field, String key) {
    double weight = weighing.weight(weighing.policy().m().reading(), field, key);
    if (m.exact()) {
      return new AttributeMatch(
          "name", Level.EQUIVALENT, Evidence.NAME, weight, "equivalent (" + m.why() + ")");
    }
    return new AttributeMatch(
        "name",
        Level.CLOSE,
        Evidence.NAME,
        weighing.policy().closeFactor() * weight,
        "close (" + m.why() + ")");
  }

  /**
   * How two names compare as written. {@code slip}: they differ by one character, which a matching
   * reading turns into a typo rather than another person (太朗/太郎, but not 太郎/次郎).
   */
  private record NameVerdict(
      Level level, String why, String fullKey, boolean slip, Evidence evidence) {
    NameVerdict(Level level, String why, String fullKey) {
      this(level, why, fullKey, false);
    }

    NameVerdict(Level level, String why, String fullKey, boolean slip) {
      this(level, why, fullKey, slip, Evidence.NAME);
    }
  }

  private static NameVerdict compareNames(NameKey qn, NameKey rn, IdentityKeys record) {
    // Latin and Japanese names, or kana-only and kanji names, do not compare as written; a kana
    // name is compared as a reading instead.
    if (qn.latin() != rn.latin()
        || (qn.fullKey().isPresent()
            && rn.fullKey().isPresent()
            && Readings.isKana(qn.fullKey().get()) != Readings.isKana(rn.fullKey().get()))) {
      return new NameVerdict(Level.ABSENT, "", null);
    }
    String via = qn.former() || rn.former() ? ", former name" : "";
    if (qn.latin()
        && qn.fullKey().isPresent()
        && rn.fullKey().isPresent()
        && !qn.fullKey().equals(rn.fullKey())) {
      // Close, never equivalent: Maria and Marie, or Maria Ana and Ana, may be twin sisters, so
      // only other identifiers (a mobile, an e-mail) can confirm such a record.
      String a = qn.fullKey().get();
      String b = rn.fullKey().get();
      Optional<LatinNames.Pairing> variant = LatinNames.variant(a, b);
      if (variant.isPresent()) {
        // J Smith for John Smith: the family name and a letter, what a father and son share.
        Evidence evidence = variant.get().byInitial() ? Evidence.HOUSEHOLD : Evidence.NAME;
        return new NameVerdict(
            Level.CLOSE, "Latin " + variant.get().why() + via, a, false, evidence);
      }
      // Wider slips, and spellings further apart, are another name unless the readings agree
      // (slip): a Latin name is spelt as it is heard, so two spellings read alike are one name
      // written down twice, not two persons.
      Optional<LatinNames.Pairing> misspelt = LatinNames.misspelt(a, b);
      return misspelt.isPresent()
          ? new NameVerdict(
              Level.DIFFERENT, "different (Latin " + misspelt.get().why() + via + ")", a, true)
          : new NameVerdict(Level.DIFFERENT, "different (Latin spelling)", a, true);
    }
    if (qn.fullKey().isPresent() && qn.fullKey().equals(rn.fullKey())) {
      List<String> foldings = new ArrayList<>(qn.foldings());
      rn.foldings().stream().filter(f -> !foldings.contains(f)).forEach(foldings::add);
      return foldings.isEmpty()
          ? new NameVerdict(
              Level.SAME,
              "same" + (via.isEmpty() ? "" : " (" + via.substring(2) + ")"),
              qn.fullKey().get())
          : new NameVerdict(
              Level.EQUIVALENT,
              "equivalent (" + String.join(", ", foldings) + via + ")",
              qn.fullKey().get());
    }
    if (sameGivenName(qn, rn)) {
      // Same given name, other family name: a marriage is explained by a former family name on
      // either side; anything else is only close.
      boolean explained =
          qn.familyKey().isPresent()
              && (record.names().stream()
                      .anyMatch(n -> n.former() && n.familyKey().equals(qn.familyKey()))
                  || (qn.former() && qn.familyKey().equals(rn.familyKey())));
      if (explained) {
        return new NameVerdict(
            Level.EQUIVALENT,
            "equivalent (given name same, family name is a former name)",
            qn.fullKey().orElse(""));
      }
      return new NameVerdict(
          Level.CLOSE, "given name same, family name differs", qn.fullKey().orElse(""));
    }
    if (qn.fullKey().isPresent() && rn.fullKey().isPresent()) {
      String a = qn.fullKey().get();
      String b = rn.fullKey().get();
      boolean oneApart = a.length() >= 3 && Strings.editDistanceAtMostOne(a, b);
      // Given names known on both sides (one may be derived from an unsplit name whose family
      // part matches) that differ mean another person, even one kanji apart (貴匡/貴好).
      Optional<String> qGiven = givenOf(qn, rn);
      Optional<String> rGiven = givenOf(rn, qn);
      boolean givenDiffers = qGiven.isPresent() && rGiven.isPresent() && !qGiven.equals(rGiven);
      if (oneApart && !givenDiffers) {
        return new NameVerdict(Level.CLOSE, "one character differs", a, true);
      }
      // A given name that differs, even by one kanji (太郎/次郎), is another person unless the
      // readings agree (a typo such as 太朗/太郎): the reading comparison decides that.
      boolean sameFamily = qn.familyKey().isPresent() && qn.familyKey().equals(rn.familyKey());
      String why =
          oneApart
              ? "different (one character differs in the given name)"
              : sameFamily ? "different (family name same, given name differs)" : "different";
      return new NameVerdict(Level.DIFFERENT, why, a, oneApart);
    }
    return new NameVerdict(Level.ABSENT, "", null);
  }

  /**
   * Whether the given names agree: both split and equal, or one side unsplit (大﨑志乃, written without
   * a space) ending with the other side's given name while the rest differs.
   */
  /** Whether some name of the request and some name of the record share the given name. */
  boolean shareGivenName(IdentityKeys q, IdentityKeys r) {
    for (NameKey qn : q.names()) {
      for (NameKey rn : r.names()) {
        if (qn.latin() == rn.latin() && sameGivenName(qn, rn)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The given name of {@code n}: its own, or what its unsplit full name leaves after {@code
   * other}'s family name.
   */
  private static Optional<String> givenOf(NameKey n, NameKey other) {
    if (n.givenKey().isPresent()) {
      return n.givenKey();
    }
    if (n.fullKey().isPresent() && other.familyKey().isPresent()) {
      String full = n.fullKey().get();
      String family = other.familyKey().get();
      if (full.startsWith(family) && full.length() > family.length()) {
        return Optional.of(full.substring(family.length()));
      }
    }
    return Optional.empty();
  }

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
}
