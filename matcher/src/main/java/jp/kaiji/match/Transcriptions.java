package jp.kaiji.match;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;
import jp.kaiji.normalize.Memo;

/**
 * One phonetic spelling for a katakana transcription of a foreign name and for the name in Latin
 * letters, so that グエン and Nguyen, ガルシア and Garcia, シュミット and Schmidt come out alike.
 *
 * <p>Katakana is romanized by ICU ({@code Katakana-Latin}: ガルシア → garushia); then both sides are
 * folded the same way, undoing what Japanese transcription does to a foreign word and what Latin
 * spellings vary in: digraphs (ph, sh, ch, th, ck), c/k/q/s/z, l→r, v→b, silent h, y as a vowel or
 * a glide (ミュ myu → mu), ng, the vowel Japanese inserts after a consonant (garushia → garsia, シュミット
 * → smit), an r before a consonant or at the end that English does not pronounce (Anderson,
 * アンダーソン), a final silent e, long vowels (ー, doubled vowels, ou, ei) and doubled consonants. The
 * folding is deliberately coarse; {@link KanaLatinNames} compares its results with typo tolerance
 * and a syllable count, never by equality of the raw spellings.
 */
final class Transcriptions {
  // A Transliterator is not safe for concurrent use; one per thread.
  private static final ThreadLocal<Transliterator> KATAKANA_LATIN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Katakana-Latin; Latin-ASCII; Lower"));

  // ICU marks a small kana with '~': ヴィ vu~i, ドゥ do~u, ウィ u~i, イェ i~e, ッ alone ~tsu.
  private static final Pattern LONE_SOKUON = Pattern.compile("~tsu$|^~tsu");
  private static final Pattern SMALL_AFTER_CONSONANT =
      Pattern.compile("(?<=[b-df-hj-np-tv-z])[aeiou]~");
  private static final Pattern W_GLIDE = Pattern.compile("u~(?=[aeio])");
  private static final Pattern Y_GLIDE = Pattern.compile("i~(?=[aeou])");
  private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");

  // The folding's context rules, compiled once.
  private static final Pattern OW_BEFORE_CONSONANT = Pattern.compile("ow(?=[b-df-hj-np-tv-z])");
  private static final Pattern OW_AT_END = Pattern.compile("ow$");
  private static final Pattern SOFT_C = Pattern.compile("c(?=[eiy])");
  private static final Pattern Y_AFTER_CONSONANT =
      Pattern.compile("(?<=[b-df-hj-np-tv-z])y(?=[aeiou])");
  private static final Pattern INITIAL_NG = Pattern.compile("^ng");
  private static final Pattern NG_BEFORE_CONSONANT = Pattern.compile("ng(?![aeiou])");
  private static final Pattern SILENT_GU = Pattern.compile("gu(?=[ei])");
  private static final Pattern FINAL_ER = Pattern.compile("(?<=[b-df-hj-np-tv-z])[aeou]r$");
  private static final Pattern NON_RHOTIC_R = Pattern.compile("(?<=[aeiou])r(?![aeiou])");
  private static final Pattern FINAL_SILENT_E = Pattern.compile("(?<=[b-df-hj-np-tv-z])e$");

  private static final String VOWELS = "aeiou";

  // The reverse, for retrieval only: romaji to katakana (ICU's own rules, katakana output).
  private static final ThreadLocal<Transliterator> LATIN_KATAKANA =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-Katakana"));

  private Transcriptions() {}

  // Transliteration is the costly step (tens of microseconds) and the same katakana words recur
  // across records and requests: remembered, and forgotten all at once when the memo is full.
  private static final Memo<String, String> FOLDED_KATAKANA = new Memo<>(50_000);

  /** The folded spelling of one katakana word (no spaces). */
  static String ofKatakana(String katakana) {
    return FOLDED_KATAKANA.get(katakana, Transcriptions::foldKatakana);
  }

  private static String foldKatakana(String katakana) {
    String s = KATAKANA_LATIN.get().transliterate(katakana);
    s = LONE_SOKUON.matcher(s).replaceAll("");
    s = SMALL_AFTER_CONSONANT.matcher(s).replaceAll("");
    s = W_GLIDE.matcher(s).replaceAll("w");
    s = Y_GLIDE.matcher(s).replaceAll("y");
    return fold(NOT_LETTER.matcher(s).replaceAll(""));
  }

  /**
   * The folded spellings of one lower-case Latin word: as English reads it, and where the word has
   * letters other languages read otherwise, as they do: Spanish j (José ホセ, Juan フアン), Vietnamese
   * initial tr, x and uye (Trần チャン, Xuân スアン, Nguyễn グエン), Russian v (Ivanov イワノフ). Empty for an
   * empty word.
   */
  static java.util.List<String> foldings(String word) {
    java.util.List<String> out = new java.util.ArrayList<>(3);
    String plain = fold(word);
    if (plain.isEmpty()) {
      return out;
    }
    out.add(plain);
    for (String variant :
        new String[] {
          word.replaceAll("(?<=^|[aeiou])j(?=[aeiou])", "h"),
          word.replaceAll("^tr", "ch").replace('x', 's').replace("uye", "ue"),
          word.replaceAll("v$", "f").replace('v', 'w')
        }) {
      String f = fold(variant);
      if (!variant.equals(word) && !f.isEmpty() && !out.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The folded spelling of one lower-case Latin word, or of a romanized katakana word. */
  static String fold(String word) {
    String s = word;
    // Spellings of one sound.
    s = s.replace("ph", "f").replace("sch", "sh").replace("tch", "ch").replace("ck", "k");
    s = s.replace("x", "ks").replace("qu", "k").replace("q", "k");
    // English ay (Taylor, テイラー) is the e-sound Japanese writes エイ.
    s = s.replace("ay", "e").replace("ee", "i");
    // English ow: アウ before a consonant (Brown, ブラウン), オー at the end (Snow).
    s = OW_BEFORE_CONSONANT.matcher(s).replaceAll("au");
    s = OW_AT_END.matcher(s).replaceAll("o");
    s = SOFT_C.matcher(s).replaceAll("s");
    s = s.replace("ch", "s");
    s = s.replace("c", "k");
    s = s.replace("sh", "s").replace("ts", "s").replace("th", "t").replace("dz", "z");
    s = s.replace("z", "s").replace("dj", "j").replace("gh", "g").replace("h", "");
    s = s.replace('l', 'r').replace('v', 'b');
    // y: a glide after a consonant (ミュ myu), else a vowel (Nguyen, Taylor).
    s = Y_AFTER_CONSONANT.matcher(s).replaceAll("");
    s = s.replace('y', 'i');
    // ng: Japanese has no initial ng (Nguyen, グエン); a final ng is ン (Singh, シン).
    s = INITIAL_NG.matcher(s).replaceAll("g");
    s = NG_BEFORE_CONSONANT.matcher(s).replaceAll("n");
    // A silent u in gue/gui (Rodriguez, ロドリゲス).
    s = SILENT_GU.matcher(s).replaceAll("g");
    s = dropEpenthetic(s);
    s = collapseDoubles(s);
    // English -er, -or at the end are the long a Japanese writes アー (Miller ミラー, Taylor テイラー).
    s = FINAL_ER.matcher(s).replaceAll("a");
    // Non-rhotic r, a final silent e, long vowels.
    s = NON_RHOTIC_R.matcher(s).replaceAll("");
    s = FINAL_SILENT_E.matcher(s).replaceAll("");
    s = s.replace("ou", "o").replace("ei", "e");
    return collapseDoubles(s);
  }

  /**
   * Drops the vowel Japanese puts after a consonant that is not followed by a vowel: u after any
   * consonant (garushia), o after t or d (shumitto), i after s or j at the end (ビーチ).
   */
  private static String dropEpenthetic(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char before = i > 0 ? s.charAt(i - 1) : 0;
      boolean afterConsonant = before != 0 && VOWELS.indexOf(before) < 0;
      boolean beforeConsonantOrEnd = i + 1 == s.length() || VOWELS.indexOf(s.charAt(i + 1)) < 0;
      boolean epenthetic =
          afterConsonant
              && beforeConsonantOrEnd
              && before != 'n'
              && (c == 'u'
                  || (c == 'o' && (before == 't' || before == 'd'))
                  || (c == 'i' && i + 1 == s.length() && (before == 's' || before == 'j')));
      if (!epenthetic) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String collapseDoubles(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  /**
   * A guess at the katakana a Japanese clerk writes for one Latin word (Garcia → ガルシア, Smith →
   * スミス): the word spelled as romaji (a vowel after each consonant not followed by one, l → r, v →
   * b …) and converted by ICU. Right for many names, near for more; it serves retrieval, where a
   * record within one edit of the guess is a candidate, and never decides a match.
   */
  static String katakanaGuess(String word) {
    String s = word.replaceAll("(?<=[b-df-hj-np-tv-z])(er|or|ar)$", "a-");
    s = s.replace("ph", "f").replace("ck", "k").replace("sch", "sh").replace("tch", "ch");
    s = s.replaceAll("c(?=[eiy])", "s").replaceAll("c(?!h)", "k");
    s = s.replace("qu", "k").replace("q", "k").replace("x", "ks");
    s = s.replaceAll("th$", "s").replace("th", "t").replace('l', 'r').replace('v', 'b');
    s = s.replace("rr", "r").replace("ee", "ii").replace("oo", "uu");
    s = s.replaceAll("gu(?=[ei])", "g").replaceAll("^ng", "g").replaceAll("ng$", "n");
    s = s.replaceAll("z$", "s").replace("ay", "ei").replace("ey", "ei");
    s = s.replaceAll("(?<![aeiou])y|y(?![aeiou])", "i");
    s = s.replaceAll("(?<=[^sc])h", "").replaceAll("h$", "");
    s = s.replace("wi", "ui").replace("we", "ue").replace("wo", "uo");
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      boolean consonant = VOWELS.indexOf(c) < 0 && c != '-' && c != 'n';
      boolean open =
          next == 0
              || (VOWELS.indexOf(next) < 0
                  && next != 'y'
                  && next != c
                  && !((c == 's' || c == 'c') && next == 'h'));
      if (consonant && open) {
        b.append(c == 't' || c == 'd' ? 'o' : c == 'j' ? 'i' : 'u');
      }
    }
    String romaji = b.toString().replace("si", "shi").replace("tu", "tsu");
    return LATIN_KATAKANA.get().transliterate(romaji).replace('-', 'ー');
  }

  /** How many groups of vowels a folded word has: its syllables, roughly. */
  static int syllables(String folded) {
    int n = 0;
    boolean inVowel = false;
    for (int i = 0; i < folded.length(); i++) {
      boolean v = VOWELS.indexOf(folded.charAt(i)) >= 0;
      if (v && !inVowel) {
        n++;
      }
      inVowel = v;
    }
    return n;
  }
}
