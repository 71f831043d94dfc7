package jp.kaiji.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.normalize.Readings;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

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
  // Kana that cannot begin a word: small kana, the long-vowel mark and ン.
  private static final String NO_WORD_START = "ァィゥェォャュョヮッーン";
  // Longer katakana keys are not names: no search of all their segmentations.
  private static final int MAX_KANA = 24;

  private KanaLatinNames() {}

  /**
   * A transcription match of two names; {@code exact} when every word is paired and folds the same.
   */
  public record Meeting(boolean exact, String why) {}

  /**
   * How the katakana key {@code kana} transcribes the Latin key {@code latin} (lower-case words,
   * sorted), or empty when it does not.
   */
  public static Optional<Meeting> meet(String latin, String kana) {
    List<List<String>> words = new ArrayList<>();
    for (String w : latin.split(" ")) {
      List<String> f = Transcriptions.foldings(w);
      if (!f.isEmpty()) {
        words.add(f);
      }
    }
    String k = kana.replace(" ", "").replace("・", "");
    if (words.size() < 2 || k.length() < 2 || k.length() > MAX_KANA) {
      return Optional.empty();
    }
    Map<String, String> folded = new HashMap<>();
    int bestCost = Integer.MAX_VALUE;
    List<String> bestSegments = null;
    // Katakana parts: as many as the Latin words, or one fewer (a middle name left out). Not one
    // more: a free cut of the katakana would leave a part over for almost any Latin name.
    for (int parts = Math.max(2, words.size() - 1); parts <= words.size(); parts++) {
      for (List<String> segments : segmentations(k, parts)) {
        List<String> f = new ArrayList<>(segments.size());
        for (String s : segments) {
          f.add(folded.computeIfAbsent(s, Transcriptions::ofKatakana));
        }
        int cost = cost(words, f, 0, new boolean[f.size()], 0, 0);
        if (cost < bestCost) {
          bestCost = cost;
          bestSegments = segments;
        }
      }
    }
    if (bestSegments == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Meeting(
            bestCost == 0,
            "katakana "
                + String.join("・", bestSegments)
                + " transcribes "
                + latin
                + (words.size() != bestSegments.size() ? ", a middle name on one side only" : "")));
  }

  /**
   * Katakana keys a record may hold for a Latin name: {@code whole} joins every word, {@code
   * partial} all but one (a middle name left out).
   */
  public record KatakanaKeys(List<String> whole, List<String> partial) {
    public KatakanaKeys {
      whole = List.copyOf(whole);
      partial = List.copyOf(partial);
    }
  }

  /**
   * Katakana keys a record may hold for the Latin key {@code latin}, for retrieval: the {@link
   * Transcriptions#katakanaGuess} of each word, joined in every order, with and without one word (a
   * middle name). Empty for one word or more than three.
   */
  public static KatakanaKeys katakanaKeys(String latin) {
    List<String> guesses = new ArrayList<>();
    for (String w : latin.split(" ")) {
      String g = Transcriptions.katakanaGuess(w);
      if (!w.isEmpty() && Readings.isKana(g)) {
        guesses.add(g);
      }
    }
    List<String> whole = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    if (guesses.size() < 2 || guesses.size() > 3) {
      return new KatakanaKeys(whole, partial);
    }
    for (int i = 0; i < guesses.size(); i++) {
      for (int j = 0; j < guesses.size(); j++) {
        if (i == j) {
          continue;
        }
        String two = guesses.get(i) + guesses.get(j);
        if (guesses.size() == 3) {
          whole.add(two + guesses.get(3 - i - j));
          partial.add(two);
        } else {
          whole.add(two);
        }
      }
    }
    return new KatakanaKeys(
        whole.stream().distinct().toList(),
        partial.stream().distinct().filter(k -> !whole.contains(k)).toList());
  }

  private static final int NO_PAIRING = Integer.MAX_VALUE;

  /**
   * The least cost of pairing the Latin words from {@code i} on with unused katakana parts in any
   * order: one per word that meets only within the typo tolerance, one for a word or part left
   * over. At most one is left over, and only when every pair folds alike: a slip and a free cut of
   * the katakana together would pair too much (Rachel with the リザ of エリザベス). {@link #NO_PAIRING}
   * when they cannot be paired.
   */
  private static int cost(
      List<List<String>> words,
      List<String> parts,
      int i,
      boolean[] used,
      int leftover,
      int slips) {
    if (i == words.size()) {
      int left = leftover;
      for (boolean u : used) {
        left += u ? 0 : 1;
      }
      return left == 0 || (left == 1 && slips <= 1) ? left + slips : NO_PAIRING;
    }
    int best = NO_PAIRING;
    for (int j = 0; j < parts.size(); j++) {
      String p = parts.get(j);
      boolean equal = words.get(i).contains(p);
      if (!used[j] && (equal || words.get(i).stream().anyMatch(w -> sameWord(w, p)))) {
        used[j] = true;
        best = Math.min(best, cost(words, parts, i + 1, used, leftover, slips + (equal ? 0 : 1)));
        used[j] = false;
      }
    }
    if (leftover == 0) {
      best = Math.min(best, cost(words, parts, i + 1, used, 1, slips));
    }
    return best;
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
    int edits = LatinNames.edits(a, b);
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
