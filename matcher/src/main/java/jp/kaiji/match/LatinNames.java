package jp.kaiji.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares Latin-script names (foreign residents, romaji) as sets of words, so that the order of
 * family and given name does not matter, a middle name missing on one side is tolerated, and a slip
 * of one letter (two in a long word) is a spelling variant rather than another person.
 *
 * <p>Two words are the same word when they are equal, or within {@link #maxEdits(int)} edits and
 * Jaro–Winkler similar (the second test keeps short words apart: "ana"/"ian" are two edits but not
 * similar). Both names must keep at least two words paired, so one shared surname never suffices.
 */
final class LatinNames {
  private static final double MIN_JARO_WINKLER = 0.85;
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

  private LatinNames() {}

  /** How a record's name spells the request's, when it is a variant of it; empty otherwise. */
  static Optional<String> variant(String requestKey, String recordKey) {
    return paired(requestKey, recordKey, LatinNames::sameWord);
  }

  /**
   * How a record's name spells the request's when both sides give the same reading, which makes a
   * wider slip a misspelling of that one name (Oldveir for Oliveira, Reyl for Reyes, both read
   * オリベイラ, レイエス): every word paired within two edits, or one in a word under four letters. Empty
   * when the names do not pair so.
   */
  static Optional<String> misspelt(String requestKey, String recordKey) {
    return paired(requestKey, recordKey, LatinNames::misspeltWord);
  }

  private static Optional<String> paired(
      String requestKey, String recordKey, BiPredicate<String, String> sameWord) {
    List<String> a = words(requestKey);
    List<String> b = words(recordKey);
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = new ArrayList<>(shorter == a ? b : a);
    if (shorter.size() < 2 || longer.size() - shorter.size() > 1) {
      return Optional.empty();
    }
    List<String> slips = new ArrayList<>();
    for (String w : shorter) {
      String match = null;
      for (String v : longer) {
        if (v.equals(w)) {
          match = v;
          break;
        }
        if (match == null && sameWord.test(w, v)) {
          match = v;
        }
      }
      if (match == null) {
        return Optional.empty();
      }
      longer.remove(match);
      if (!match.equals(w)) {
        slips.add(w + "/" + match);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!slips.isEmpty()) {
      parts.add("spelling " + String.join(", ", slips));
    }
    if (!longer.isEmpty()) {
      parts.add("a middle name on one side only");
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  private static boolean misspeltWord(String a, String b) {
    int edits = edits(a, b);
    return edits >= 0 && edits <= (Math.max(a.length(), b.length()) >= 4 ? 2 : 1);
  }

  private static boolean sameWord(String a, String b) {
    int edits = edits(a, b);
    return edits >= 0
        && edits <= maxEdits(Math.max(a.length(), b.length()))
        && JARO_WINKLER.apply(a, b) >= MIN_JARO_WINKLER;
  }

  /**
   * The edits between two words, -1 beyond two. Two letters swapped (jonhson) are one slip, though
   * Levenshtein counts two edits.
   */
  static int edits(String a, String b) {
    return Strings.swappedNeighbours(a, b) ? 1 : LEVENSHTEIN.apply(a, b);
  }

  /** One edit in a word of four letters or more, two in one of eight or more; none below four. */
  static int maxEdits(int length) {
    return length >= 8 ? 2 : length >= 4 ? 1 : 0;
  }

  private static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    for (String w : key.split(" ")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
