package jp.kaiji.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalizes personal names into comparison keys.
 *
 * <p>Japanese names (kanji and/or kana): NFKC (half-width katakana become full-width, U+3000
 * becomes a space), invisible characters and parenthesised notes such as a reading written after
 * the name removed, honorifics at the end (様, さま, さん, 殿, 君) stripped, variant kanji folded to their
 * standard form by {@code kanji-variants.tsv} (each folding recorded as {@code 髙→高}), and no space
 * left in a key. A name given in two fields, or written with exactly one space, yields a family and
 * a given key as well; otherwise only the full key.
 *
 * <p>Latin-script names (romaji, foreign residents): diacritics folded to ASCII, lower-cased,
 * titles (Mr, Ms, Dr …) dropped, and the words sorted so that "YAMADA Taro", "Taro Yamada" and
 * "Yamada, Taro" share the full key. Family and given keys are set only when the order is known:
 * two fields, "Family, Given", or one word in capitals among others ("YAMADA Taro").
 *
 * <p>Failures: {@code name.empty} (null or blank), {@code name.digits} (a digit anywhere), {@code
 * name.no_letters}. Never throws; the full key is idempotent.
 */
public final class Names {
  // Compiled once: the index normalizes millions of names.
  private static final java.util.regex.Pattern NOTES =
      java.util.regex.Pattern.compile("[(\\[【〔「『][^)\\]】〕」』]*[)\\]】〕」』]?");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");
  private static final java.util.regex.Pattern NON_LATIN =
      java.util.regex.Pattern.compile("[^A-Za-z]+");
  private static final java.util.regex.Pattern NON_LOWER_LATIN =
      java.util.regex.Pattern.compile("[^a-z]+");
  private static final java.util.regex.Pattern APOSTROPHES =
      java.util.regex.Pattern.compile("['’`]");
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  private static final List<String> HONORIFICS = List.of("様", "さま", "さん", "殿", "君");
  private static final Set<String> LATIN_TITLES =
      Set.of(
          "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mme", "mlle", "herr",
          "frau");

  private Names() {}

  /** A name written in one field; a space (half- or full-width) splits family from given. */
  public static Normalized<PersonName> normalize(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return failed("name.empty", "no name given");
    }
    String s = stripNotes(Text.clean(fullName));
    Optional<Normalized<PersonName>> bad = check(s);
    if (bad.isPresent()) {
      return bad.get();
    }
    if (isLatin(s)) {
      return latin(s);
    }
    // Fold first: a variant honorific (樣) must be stripped like 様, or the key would not be
    // idempotent.
    Set<String> foldings = new LinkedHashSet<>();
    List<String> parts = Arrays.asList(stripHonorifics(fold(s, foldings)).split(" "));
    return japanese(parts.size() == 2 ? parts : List.of(String.join("", parts)), foldings);
  }

  /**
   * A name the source gives as family and given name in separate fields. When one of them is blank
   * the other is read as a one-field name (sources put the full name in 姓 alone).
   */
  public static Normalized<PersonName> normalize(String family, String given) {
    boolean noFamily = family == null || family.isBlank();
    boolean noGiven = given == null || given.isBlank();
    if (noFamily && noGiven) {
      return failed("name.empty", "no name given");
    }
    if (noFamily || noGiven) {
      return normalize(noFamily ? given : family);
    }
    String f = stripNotes(Text.clean(family));
    String g = stripNotes(Text.clean(given));
    Optional<Normalized<PersonName>> bad = check(f + " " + g);
    if (bad.isPresent()) {
      return bad.get();
    }
    if (isLatin(f + " " + g)) {
      List<String> fw = latinWords(f);
      List<String> gw = latinWords(g);
      if (fw.isEmpty() || gw.isEmpty()) {
        return latin(f + " " + g);
      }
      return latinName(fw, gw, true);
    }
    Set<String> foldings = new LinkedHashSet<>();
    f = fold(f, foldings);
    g = stripHonorifics(fold(g, foldings));
    if (letters(f).isEmpty() || letters(g).isEmpty()) {
      return japanese(List.of(f + g), foldings);
    }
    return japanese(List.of(f, g), foldings);
  }

  private static Optional<Normalized<PersonName>> check(String s) {
    if (s.codePoints().anyMatch(Character::isDigit)) {
      return Optional.of(failed("name.digits", "a name has no digits"));
    }
    // Modifier letters (ʹ, ー on its own) and marks are not a name: without a base letter they
    // have nothing to attach to, and NFKC does not settle on them.
    if (s.codePoints()
        .noneMatch(
            cp -> Character.isLetter(cp) && Character.getType(cp) != Character.MODIFIER_LETTER)) {
      return Optional.of(failed("name.no_letters", "no letters in the name"));
    }
    return Optional.empty();
  }

  private static Normalized<PersonName> japanese(List<String> parts, Set<String> foldings) {
    List<String> keys = new ArrayList<>(parts.size());
    for (String part : parts) {
      // NFKC again: dropping symbols can bring combining marks together that NFKC then reorders,
      // and a key must be a fixed point of normalization.
      keys.add(Normalizer.normalize(letters(part).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC));
    }
    // Joining can bring marks of two parts together (a given name that starts with a combining
    // mark): normalize the whole key too, so that it stays a fixed point.
    String full = Normalizer.normalize(String.join("", keys), Normalizer.Form.NFKC);
    if (full.isEmpty()) {
      return failed("name.no_letters", "no letters in the name");
    }
    boolean split = keys.size() == 2 && !keys.get(0).isEmpty() && !keys.get(1).isEmpty();
    return Normalized.ok(
        new PersonName(
            full,
            split ? Optional.of(keys.get(0)) : Optional.empty(),
            split ? Optional.of(keys.get(1)) : Optional.empty(),
            PersonName.Script.JAPANESE,
            List.copyOf(foldings)));
  }

  private static String fold(String s, Set<String> foldings) {
    KanjiVariants variants = KanjiVariants.get();
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              int std = variants.standardOf(cp);
              if (std != cp) {
                foldings.add(Character.toString(cp) + "→" + Character.toString(std));
              }
              out.appendCodePoint(std);
            });
    return out.toString();
  }

  /** Letters (kanji, kana, ー, 々) and combining marks only: drops ・, ＝, dots and other symbols. */
  private static String letters(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(Names::isNameLetter).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String stripHonorifics(String s) {
    String out = s.strip();
    boolean again = true;
    while (again) {
      again = false;
      // What follows the last letter never reaches the key (山田様! is 山田), so it must not hide
      // an honorific either, or the key would not be a fixed point.
      out = withoutTrailingNonLetters(out);
      for (String h : HONORIFICS) {
        if (out.endsWith(h) && !letters(out.substring(0, out.length() - h.length())).isEmpty()) {
          out = out.substring(0, out.length() - h.length()).strip();
          again = true;
        }
      }
    }
    return out;
  }

  /** What a name's key keeps: letters, and the marks that combine with them. */
  private static boolean isNameLetter(int cp) {
    return Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  private static String withoutTrailingNonLetters(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (isNameLetter(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Removes parenthesised notes, e.g. a reading or a former name: a name has no brackets. */
  private static String stripNotes(String s) {
    String out = NOTES.matcher(s).replaceAll(" ");
    return SPACES.matcher(out).replaceAll(" ").strip();
  }

  private static boolean isLatin(String s) {
    boolean latin = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
        return false;
      }
      latin = true;
    }
    return latin;
  }

  private static Normalized<PersonName> latin(String s) {
    int comma = s.indexOf(',');
    if (comma >= 0) {
      List<String> family = latinWords(s.substring(0, comma));
      List<String> given = latinWords(s.substring(comma + 1));
      if (!family.isEmpty() && !given.isEmpty()) {
        return latinName(family, given, true);
      }
    }
    List<String> original = new ArrayList<>();
    for (String w : NON_LATIN.split(asciiFold(s))) {
      if (!w.isEmpty()) {
        original.add(w);
      }
    }
    List<String> words =
        dropTitles(original.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    if (words.isEmpty()) {
      return failed("name.no_letters", "no Latin letters left in the name");
    }
    // "YAMADA Taro": one word in capitals among mixed-case words is the family name.
    List<String> capitals =
        original.stream()
            .filter(w -> w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)))
            .toList();
    if (capitals.size() == 1 && original.size() == 2 && words.size() == 2) {
      String family = capitals.get(0).toLowerCase(Locale.ROOT);
      List<String> given = new ArrayList<>(words);
      given.remove(family);
      return latinName(List.of(family), given, true);
    }
    return latinName(words, List.of(), false);
  }

  private static Normalized<PersonName> latinName(
      List<String> family, List<String> given, boolean split) {
    List<String> all = new ArrayList<>(family);
    all.addAll(given);
    List<String> sorted = all.stream().sorted().toList();
    return Normalized.ok(
        new PersonName(
            String.join(" ", sorted),
            split ? Optional.of(String.join(" ", family)) : Optional.empty(),
            split ? Optional.of(String.join(" ", given)) : Optional.empty(),
            PersonName.Script.LATIN,
            List.of()));
  }

  /** Lower-case ASCII words; apostrophes join (O'Brien), hyphens and other marks separate. */
  private static List<String> latinWords(String s) {
    List<String> words = new ArrayList<>();
    for (String w :
        NON_LOWER_LATIN.split(
            APOSTROPHES.matcher(asciiFold(s).toLowerCase(Locale.ROOT)).replaceAll(""))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return dropTitles(words);
  }

  private static List<String> dropTitles(List<String> words) {
    List<String> kept = words.stream().filter(w -> !LATIN_TITLES.contains(w)).toList();
    return kept.isEmpty() ? words : kept;
  }

  private static String asciiFold(String s) {
    String decomposed = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      switch (c) {
        case 'ß' -> out.append("ss");
        case 'ø' -> out.append('o');
        case 'Ø' -> out.append('O');
        case 'đ', 'ð' -> out.append('d');
        case 'Đ', 'Ð' -> out.append('D');
        case 'ł' -> out.append('l');
        case 'Ł' -> out.append('L');
        case 'æ' -> out.append("ae");
        case 'Æ' -> out.append("AE");
        case 'œ' -> out.append("oe");
        case 'Œ' -> out.append("OE");
        case 'ı' -> out.append('i');
        case 'þ' -> out.append("th");
        case 'Þ' -> out.append("TH");
        case '’', '\'', '`' -> {}
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Normalized<PersonName> failed(String code, String reason) {
    return Normalized.failed(IdentifierKind.NAME, code, reason);
  }
}
