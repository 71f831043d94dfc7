package jp.kaiji.match;

import static jp.kaiji.schema.IndexSchema.ADDRESS_BLOCK;
import static jp.kaiji.schema.IndexSchema.ADDRESS_PREFECTURE_CITY;
import static jp.kaiji.schema.IndexSchema.ADDRESS_TOWN;
import static jp.kaiji.schema.IndexSchema.BIRTH_DATE;
import static jp.kaiji.schema.IndexSchema.EMAIL_KEY;
import static jp.kaiji.schema.IndexSchema.EMAIL_SHA256;
import static jp.kaiji.schema.IndexSchema.ISSUED_ID;
import static jp.kaiji.schema.IndexSchema.NAME_FAMILY;
import static jp.kaiji.schema.IndexSchema.NAME_FULL;
import static jp.kaiji.schema.IndexSchema.NAME_GIVEN;
import static jp.kaiji.schema.IndexSchema.NAME_WORD;
import static jp.kaiji.schema.IndexSchema.PHONE_E164;
import static jp.kaiji.schema.IndexSchema.PHONE_SHA256;
import static jp.kaiji.schema.IndexSchema.POSTCODE;
import static jp.kaiji.schema.IndexSchema.READING_FAMILY;
import static jp.kaiji.schema.IndexSchema.READING_GIVEN;
import static jp.kaiji.schema.IndexSchema.READING_KEY;
import static jp.kaiji.schema.IndexSchema.READING_LOOSE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jp.kaiji.match.SubjectIndex.CandidateQuery;
import jp.kaiji.match.SubjectIndex.KeyTerm;
import jp.kaiji.normalize.Hashes;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.KeyRules;

/** The retrieval query of a request: which keys retrieve alone and which only in pairs. */
final class CandidateQueries {
  // A whole name held by more records than this is common: its holders are mostly namesakes, and
  // a record that agrees on it alone is set aside where a namesake is seen.
  static final int COMMON_NAME = SubjectMatcher.NAMESAKE_PROBE;

  private CandidateQueries() {}

  /** The records holding {@code key} in {@code field}, in clear or hashed ({@code hashField}). */
  static CandidateQuery holders(String field, String hashField, String key) {
    return CandidateQuery.exactly(
        List.of(new KeyTerm(field, key), new KeyTerm(hashField, Hashes.sha256Hex(key))));
  }

  /**
   * The retrieval query: every key of the request, plus edit-distance keys for names and readings.
   * A birth date or a name one edit off alone is shared by hundreds of persons in a large index and
   * makes no record reviewable, so they retrieve only in pairs ({@link SubjectIndex.Pairing}). A
   * Latin-script name's words are name parts too: its words may come in another order, with a
   * middle name or with a slip in one word, and one word the same still pairs with the birth date;
   * its one-edit neighbours (and its guessed katakana's) still retrieve alone. A whole name or
   * reading held by more than {@link #COMMON_NAME} records is common: it retrieves only in pairs
   * too, and so do its neighbours.
   */
  static CandidateQuery of(IdentityKeys q, SubjectIndex.Snapshot index) {
    Predicate<KeyTerm> common = t -> index.docFreq(t.field(), t.value()) > COMMON_NAME;
    List<KeyTerm> exact = new ArrayList<>();
    List<KeyTerm> fuzzy = new ArrayList<>();
    List<KeyTerm> births = new ArrayList<>();
    List<KeyTerm> nameParts = new ArrayList<>();
    List<KeyTerm> places = new ArrayList<>();
    // A Latin name's slips, and its whole katakana guesses', retrieve alone unless common.
    List<KeyTerm> loneNeighbours = new ArrayList<>();
    for (NameKey n : q.names()) {
      n.fullKey()
          .ifPresent(
              k -> {
                exact.add(new KeyTerm(NAME_FULL, k));
                fuzzy.add(new KeyTerm(NAME_FULL, k));
                if (n.latin()) {
                  loneNeighbours.add(new KeyTerm(NAME_FULL, k));
                }
              });
      if (n.latin() && n.fullKey().isPresent()) {
        // A record may name the requester in katakana (Garcia, ガルシア): guessed katakana keys,
        // one edit tolerated, as a name or as a reading of one.
        KanaLatinNames.KatakanaKeys guesses = KanaLatinNames.katakanaKeys(n.fullKey().get());
        for (List<String> keys : List.of(guesses.whole(), guesses.partial())) {
          for (String k : keys) {
            exact.add(new KeyTerm(NAME_FULL, k));
            exact.add(new KeyTerm(READING_KEY, k));
            fuzzy.add(new KeyTerm(NAME_FULL, k));
          }
        }
        guesses.whole().forEach(k -> loneNeighbours.add(new KeyTerm(NAME_FULL, k)));
      }
    }
    q.readings()
        .forEach(
            r -> {
              exact.add(new KeyTerm(READING_KEY, r.key()));
              exact.add(new KeyTerm(READING_LOOSE, r.looseKey()));
              fuzzy.add(new KeyTerm(READING_KEY, r.key()));
            });
    q.birthDates().forEach(d -> births.add(new KeyTerm(BIRTH_DATE, d)));
    for (NameKey n : q.names()) {
      n.familyKey().ifPresent(k -> nameParts.add(new KeyTerm(NAME_FAMILY, k)));
      n.givenKey().ifPresent(k -> nameParts.add(new KeyTerm(NAME_GIVEN, k)));
      n.fullKey()
          .ifPresent(
              k ->
                  KeyRules.latinNameWords(n.latin(), k)
                      .forEach(w -> nameParts.add(new KeyTerm(NAME_WORD, w))));
    }
    for (var r : q.readings()) {
      r.familyKey().ifPresent(k -> nameParts.add(new KeyTerm(READING_FAMILY, k)));
      r.givenKey().ifPresent(k -> nameParts.add(new KeyTerm(READING_GIVEN, k)));
    }
    for (AddressKey a : q.addresses()) {
      a.block().ifPresent(b -> exact.add(new KeyTerm(ADDRESS_BLOCK, b)));
      a.town().ifPresent(t -> places.add(new KeyTerm(ADDRESS_TOWN, t)));
      a.prefectureCity().ifPresent(c -> places.add(new KeyTerm(ADDRESS_PREFECTURE_CITY, c)));
      a.postcode().ifPresent(p -> places.add(new KeyTerm(POSTCODE, p)));
    }
    q.phones()
        .forEach(
            p -> {
              exact.add(new KeyTerm(PHONE_E164, p.e164()));
              exact.add(new KeyTerm(PHONE_SHA256, Hashes.sha256Hex(p.e164())));
            });
    q.emails()
        .forEach(
            e -> {
              exact.add(new KeyTerm(EMAIL_KEY, e));
              exact.add(new KeyTerm(EMAIL_SHA256, Hashes.sha256Hex(e)));
            });
    q.issuedIds().forEach(id -> exact.add(new KeyTerm(ISSUED_ID, id)));
    List<KeyTerm> commonNames =
        exact.stream()
            .filter(t -> SubjectIndex.WHOLE_NAMES.contains(t.field()) && common.test(t))
            .toList();
    exact.removeAll(commonNames);
    loneNeighbours.removeAll(commonNames);
    return new CandidateQuery(
        exact,
        fuzzy,
        Optional.of(
            new SubjectIndex.Pairing(births, nameParts, places, loneNeighbours, commonNames)));
  }
}
