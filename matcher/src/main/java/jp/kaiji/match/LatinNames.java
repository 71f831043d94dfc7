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
 * of one letter (two in a long word) is a spelling variant rather than another person. So are two
 * words written as one (Maryann, Mary Ann) and a given name written as its initial (J. Smith).
 *
 * <p>Two words are the same word when they are equal, or within {@link #maxEdits(int)} edits and
 * Jaro–Winkler similar (the second test keeps short words apart: "ana"/"ian" are two edits but not
 * similar). Both names must keep at least two words paired, so one shared surname never suffices.
 */
final class LatinNames {
  private static final double MIN_JARO_WINKLER = 0.85;
  private static final int MAX_WORDS_TO_JOIN = 6;
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

  private LatinNames() {}

  /**
   * How two Latin names pair word for word: {@code why} says how they differ, and {@code byInitial}
   * whether a word paired only by its initial (J for John), which tells the family name and a
   * letter, no more than a household and chance share.
   */
  record Pairing(String why, boolean byInitial) {}

  /** How a record's name spells the request's, when it is a variant of it; empty otherwise. */
  static Optional<Pairing> variant(String requestKey, String recordKey) {
    return paired(requestKey, recordKey, LatinNames::sameWord);
  }

  /**
   * How a record's name spells the request's when both sides give the same reading, which makes a
   * wider slip a misspelling of that one name (Oldveir for Oliveira, Reyl for Reyes, both read
   * オリベイラ, レイエス): every word paired within two edits, or one in a word under four letters. Empty
   * when the names do not pair so.
   */
  static Optional<Pairing> misspelt(String requestKey, String recordKey) {
    return paired(requestKey, recordKey, LatinNames::misspeltWord);
  }

  private static Optional<Pairing> paired(
      String requestKey, String recordKey, BiPredicate<String, String> sameWord) {
    List<String> joins = new ArrayList<>();
    List<Word> a = joined(words(requestKey), words(recordKey), joins);
    List<Word> b = joined(words(recordKey), a, joins);
    List<Word> shorter = a.size() <= b.size() ? a : b;
    List<Word> longer = new ArrayList<>(shorter == a ? b : a);
    if (longer.size() - shorter.size() > 1) {
      return Optional.empty();
    }
    List<String> slips = new ArrayList<>();
    List<String> initials = new ArrayList<>();
    int pairedWords = 0;
    boolean wholeWordPaired = false;
    for (Word w : shorter) {
      Word match = null;
      for (Word v : longer) {
        if (v.text().equals(w.text())) {
          match = v;
          break;
        }
        if (match == null && (sameWord.test(w.text(), v.text()) || initialOf(w, v))) {
          match = v;
        }
      }
      if (match == null) {
        return Optional.empty();
      }
      longer.remove(match);
      pairedWords += Math.max(w.parts(), match.parts());
      if (initialOf(w, match)) {
        initials.add(w.text() + "/" + match.text());
      } else {
        wholeWordPaired = true;
        if (!match.text().equals(w.text())) {
          slips.add(w.text() + "/" + match.text());
        }
      }
    }
    // Two words at least, one of them whole: a family name and an initial (J Smith) pair, a lone
    // surname or two initials never do.
    if (pairedWords < 2 || !wholeWordPaired) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (!slips.isEmpty()) {
      parts.add("spelling " + String.join(", ", slips));
    }
    if (!joins.isEmpty()) {
      parts.add("written together " + String.join(", ", joins));
    }
    if (!initials.isEmpty()) {
      parts.add("initial " + String.join(", ", initials));
    }
    if (!longer.isEmpty()) {
      parts.add("a middle name on one side only");
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of(new Pairing(String.join("; ", parts), !initials.isEmpty()));
  }

  /**
   * {@code words} with any two or three of them that the other name writes as one word (Maryann for
   * Mary Ann, Delacruz for Dela Cruz, Smi th for Smith) joined into it, letter for letter: a join
   * and a slip together are too far apart. Initials are never joined. Name keys hold their words
   * sorted, not as written, so the words are tried in every order.
   */
  private static List<Word> joined(List<Word> words, List<Word> other, List<String> joins) {
    List<Word> out = new ArrayList<>(words);
    if (words.size() > MAX_WORDS_TO_JOIN) {
      // The arrangements grow with the cube of the words: a name field holding a sentence is no
      // name to respell, and must not cost a search seconds.
      return out;
    }
    for (int n = 3; n >= 2; n--) {
      Optional<List<Word>> run = writtenAsOne(out, n, other);
      while (run.isPresent()) {
        String together = String.join("", run.get().stream().map(Word::text).toList());
        joins.add(String.join(" ", run.get().stream().map(Word::text).toList()) + "/" + together);
        run.get().forEach(out::remove);
        out.add(new Word(together, n));
        run = writtenAsOne(out, n, other);
      }
    }
    return out;
  }

  /**
   * Some {@code n} of {@code words}, in the order that the other name writes as one of its words.
   */
  private static Optional<List<Word>> writtenAsOne(List<Word> words, int n, List<Word> other) {
    List<List<Word>> runs = new ArrayList<>();
    List<Word> joinable =
        words.stream().filter(w -> w.parts() == 1 && w.text().length() > 1).toList();
    arrangements(joinable, n, new ArrayList<>(), runs);
    for (List<Word> run : runs) {
      String together = String.join("", run.stream().map(Word::text).toList());
      for (Word v : other) {
        boolean single = v.parts() == 1 && run.stream().noneMatch(w -> w.text().equals(v.text()));
        if (single && v.text().equals(together)) {
          return Optional.of(run);
        }
      }
    }
    return Optional.empty();
  }

  private static void arrangements(
      List<Word> words, int n, List<Integer> prefix, List<List<Word>> out) {
    if (prefix.size() == n) {
      out.add(prefix.stream().map(words::get).toList());
      return;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!prefix.contains(i)) {
        prefix.add(i);
        arrangements(words, n, prefix, out);
        prefix.remove(prefix.size() - 1);
      }
    }
  }

  /** Whether one word is an initial (one letter) and the other begins with it. */
  private static boolean initialOf(Word a, Word b) {
    return a.text().length() != b.text().length()
        && Math.min(a.text().length(), b.text().length()) == 1
        && a.text().charAt(0) == b.text().charAt(0);
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

  private static List<Word> words(String key) {
    List<Word> out = new ArrayList<>();
    for (String w : key.split(" ")) {
      if (!w.isEmpty()) {
        out.add(new Word(w, 1));
      }
    }
    return out;
  }

  /** A word of a name, and how many written words it stands for once joined. */
  private record Word(String text, int parts) {}
}
