package jp.kaiji.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Whether a name in katakana (グエン・ミン, a Japanese clerk's transcription) and a name in Latin letters
 * (Minh Nguyen) are spellings of one name. Both become {@link Transcriptions} spellings; the Latin
 * words are then paired with parts of the katakana in any order (a katakana key has lost its word
 * boundaries: グエン・ミン is グエンミン), at most one word (a middle name) unpaired, and at least two paired,
 * so that one shared family name never suffices.
 *
 * <p>Two folded words meet when they are equal, or have as many syllables and are within {@link
 * LatinNames#maxEdits(int)} edits and Jaro–Winkler similar: Parker (パーカー, paka) has a syllable Park
 * (pak) has not, Kim (kim) and キン (kin) are too short for a slip.
 */
public final class KanaLatinNames {
  private static final double MIN_JARO_WINKLER = 0.80;
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);
  // Kana that cannot begin a word: small kana, the long-vowel mark and ン.
  private static final String NO_WORD_START = "ァィゥェォャュョヮッーン";
  // Longer katakana keys are not names: no search of all their segmentations.
  private static final int MAX_KANA = 24;

  private KanaLatinNames() {}

  /** A transcription match of two names; {@code exact} when every paired word folds the same. */
  public record Meeting(boolean exact, String why) {}

  /**
   * How the katakana key {@code kana} transcribes the Latin key {@code latin} (lower-case words,
   * sorted), or empty when it does not.
   */
  public static Optional<Meeting> meet(String latin, String kana) {
    List<String> words = new ArrayList<>();
    for (String w : latin.split(" ")) {
      String f = Transcriptions.fold(w);
      if (!f.isEmpty()) {
        words.add(f);
      }
    }
    String k = kana.replace(" ", "").replace("・", "");
    if (words.size() < 2 || k.length() < 2 || k.length() > MAX_KANA) {
      return Optional.empty();
    }
    Map<String, String> folded = new HashMap<>();
    Meeting best = null;
    // Katakana parts: as many as the Latin words, one fewer (a middle name left out) or one more.
    for (int parts = Math.max(2, words.size() - 1); parts <= words.size() + 1; parts++) {
      for (List<String> segments : segmentations(k, parts)) {
        List<String> f = new ArrayList<>(segments.size());
        for (String s : segments) {
          f.add(folded.computeIfAbsent(s, Transcriptions::ofKatakana));
        }
        Boolean exact = pair(words, f);
        if (exact != null && (best == null || (exact && !best.exact()))) {
          best =
              new Meeting(
                  exact,
                  "katakana "
                      + String.join("・", segments)
                      + " transcribes "
                      + latin
                      + (words.size() != parts ? " (a middle name on one side only)" : ""));
          if (exact) {
            return Optional.of(best);
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Pairs the Latin words with the katakana parts in any order, one left over on either side at
   * most: null when they cannot be paired, else whether every pair is equal.
   */
  private static Boolean pair(List<String> words, List<String> parts) {
    return pair(words, parts, 0, new boolean[parts.size()], true, 0);
  }

  private static Boolean pair(
      List<String> words, List<String> parts, int i, boolean[] used, boolean exact, int unpaired) {
    if (i == words.size()) {
      int leftover = unpaired;
      for (boolean u : used) {
        leftover += u ? 0 : 1;
      }
      return leftover <= 1 ? exact : null;
    }
    Boolean found = null;
    for (int j = 0; j < parts.size(); j++) {
      if (used[j]) {
        continue;
      }
      String w = words.get(i);
      String p = parts.get(j);
      if (w.equals(p) || sameWord(w, p)) {
        used[j] = true;
        Boolean r = pair(words, parts, i + 1, used, exact && w.equals(p), unpaired);
        used[j] = false;
        if (Boolean.TRUE.equals(r)) {
          return r;
        }
        found = found == null ? r : found;
      }
    }
    if (unpaired == 0) {
      Boolean r = pair(words, parts, i + 1, used, exact, 1);
      found = found == null ? r : found;
    }
    return found;
  }

  static boolean sameWord(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int longer = Math.max(a.length(), b.length());
    if (Math.min(a.length(), b.length()) < 2
        || Transcriptions.syllables(a) != Transcriptions.syllables(b)) {
      return false;
    }
    int edits = Strings.swappedNeighbours(a, b) ? 1 : LEVENSHTEIN.apply(a, b);
    return edits >= 0
        && edits <= LatinNames.maxEdits(longer)
        && JARO_WINKLER.apply(a, b) >= MIN_JARO_WINKLER;
  }

  /** Every way to cut {@code kana} into {@code parts} non-empty words at syllable boundaries. */
  private static List<List<String>> segmentations(String kana, int parts) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = 1; i < kana.length(); i++) {
      if (NO_WORD_START.indexOf(kana.charAt(i)) < 0 && kana.charAt(i - 1) != 'ッ') {
        cuts.add(i);
      }
    }
    List<List<String>> out = new ArrayList<>();
    cut(kana, cuts, 0, 0, parts, new ArrayList<>(), out);
    return out;
  }

  private static void cut(
      String kana,
      List<Integer> cuts,
      int from,
      int start,
      int parts,
      List<String> acc,
      List<List<String>> out) {
    if (parts == 1) {
      List<String> done = new ArrayList<>(acc);
      done.add(kana.substring(start));
      out.add(done);
      return;
    }
    for (int c = from; c < cuts.size(); c++) {
      acc.add(kana.substring(start, cuts.get(c)));
      cut(kana, cuts, c + 1, cuts.get(c), parts - 1, acc, out);
      acc.remove(acc.size() - 1);
    }
  }
}
