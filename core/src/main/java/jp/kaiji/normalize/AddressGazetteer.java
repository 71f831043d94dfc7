package jp.kaiji.normalize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prefixes of Japanese addresses, built once from the {@link PostcodeDirectory}: the prefectures,
 * the cities of each prefecture and the towns of each city, each under the spellings people use.
 *
 * <p>Spellings (aliases) besides the directory's own name: a prefecture without 都/府/県 (岩手 for 岩手県,
 * matched only where a city of it follows); a town or village without its county (瑞穂町 for 西多摩郡瑞穂町);
 * a town with kanji numerals in Arabic digits (北10条西 for 北十条西); and a town that the directory lists
 * per 丁目 (保原町１丁目, 保原町２丁目, ...) under its stem (保原町), which is also its canonical name, so that the
 * 丁目 goes to the block and 保原町1丁目2-3 and 保原町1-2-3 agree. A town whose name merely ends in a 丁目
 * (花巻市十二丁目, 郡山市日和田町八丁目: one number only) keeps its whole name. Every spelling is matched in its
 * {@link PlaceNames#fold folded} form (ヶ/ケ/が, variant kanji), the caller folding the text likewise.
 * Thread-safe and immutable.
 */
final class AddressGazetteer {
  private static final Pattern COUNTY_TOWN = Pattern.compile("(.+郡)(.+[町村])");
  // The stem ends in no numeral and no の, so that 十二丁目 is never 十 + 2 and 本町六の一丁目 stays whole.
  private static final Pattern CHOME_TOWN =
      Pattern.compile("(.*[^0-9〇一二三四五六七八九十のノ])([0-9]+|[〇一二三四五六七八九十]+)丁目");
  private static final Pattern PREFECTURE_SUFFIX = Pattern.compile("(.{2,3})[都府県]");

  /** A name found at the start of some text: its canonical form and where the text goes on. */
  record Match(String canonical, String spelling, int end) {}

  private static final class Holder {
    static final AddressGazetteer INSTANCE = new AddressGazetteer(PostcodeDirectory.get());
  }

  private final Names prefectures = new Names();
  private final Names shortPrefectures = new Names();

  /** pref + city + stem of the towns listed per 丁目 (at least two numbers). */
  private final Set<String> chomeStems = new HashSet<>();

  private final Map<String, Names> citiesByPrefecture = new HashMap<>();
  private final Map<String, Set<String>> prefecturesByCitySpelling = new HashMap<>();
  private final Map<String, Set<String>> prefecturesByExactCity = new HashMap<>();
  private final Names allCities = new Names();
  private final Map<String, Names> townsByCity = new HashMap<>();

  private AddressGazetteer(PostcodeDirectory directory) {
    for (String p : directory.prefectures()) {
      prefectures.add(p, p);
      Matcher suffix = PREFECTURE_SUFFIX.matcher(p);
      if (suffix.matches()) {
        shortPrefectures.add(suffix.group(1), p);
      }
    }
    collectChomeStems(directory);
    for (PostcodeDirectory.Place place : directory.places()) {
      String pref = place.prefecture();
      String city = Text.clean(place.city());
      Names cities = citiesByPrefecture.computeIfAbsent(pref, k -> new Names());
      cities.add(city, city);
      allCities.add(city, city);
      prefecturesByCitySpelling
          .computeIfAbsent(PlaceNames.fold(city), k -> new LinkedHashSet<>())
          .add(pref);
      prefecturesByExactCity.computeIfAbsent(city, k -> new LinkedHashSet<>()).add(pref);
      Matcher county = COUNTY_TOWN.matcher(city);
      if (county.matches()) {
        cities.addAlias(county.group(2), city);
        allCities.addAlias(county.group(2), city);
        prefecturesByCitySpelling
            .computeIfAbsent(PlaceNames.fold(county.group(2)), k -> new LinkedHashSet<>())
            .add(pref);
        prefecturesByExactCity
            .computeIfAbsent(county.group(2), k -> new LinkedHashSet<>())
            .add(pref);
      }
      if (place.town().isEmpty()) {
        continue;
      }
      Names towns = townsByCity.computeIfAbsent(pref + city, k -> new Names());
      for (String town : Text.clean(place.town()).replace(" ", "").split("、")) {
        if (town.isEmpty()) {
          continue;
        }
        String canonical = stemOf(pref, city, town);
        towns.add(canonical, canonical);
        towns.addAlias(Numerals.toArabic(canonical), canonical);
      }
    }
  }

  private void collectChomeStems(PostcodeDirectory directory) {
    Map<String, Set<String>> numbersByStem = new HashMap<>();
    for (PostcodeDirectory.Place place : directory.places()) {
      String city = Text.clean(place.city());
      for (String town : Text.clean(place.town()).replace(" ", "").split("、")) {
        Matcher chome = CHOME_TOWN.matcher(town);
        if (chome.matches()) {
          numbersByStem
              .computeIfAbsent(place.prefecture() + city + chome.group(1), k -> new HashSet<>())
              .add(Numerals.toArabic(chome.group(2)));
        }
      }
    }
    numbersByStem.forEach(
        (stem, numbers) -> {
          if (numbers.size() > 1) {
            chomeStems.add(stem);
          }
        });
  }

  private String stemOf(String prefecture, String city, String town) {
    Matcher chome = CHOME_TOWN.matcher(town);
    return chome.matches() && chomeStems.contains(prefecture + city + chome.group(1))
        ? chome.group(1)
        : town;
  }

  static AddressGazetteer get() {
    return Holder.INSTANCE;
  }

  Optional<Match> prefecture(String compact, int from) {
    return prefectures.longest(compact, from);
  }

  /** A prefecture written without 都/府/県 (岩手 for 岩手県); the caller checks that a city follows. */
  Optional<Match> shortPrefecture(String compact, int from) {
    return shortPrefectures.longest(compact, from);
  }

  Optional<Match> city(String prefecture, String compact, int from) {
    Names cities = citiesByPrefecture.get(prefecture);
    return cities == null ? Optional.empty() : cities.longest(compact, from);
  }

  /** A city at the start of the text in any prefecture, for inferring the prefecture. */
  Optional<Match> anyCity(String compact, int from) {
    return allCities.longest(compact, from);
  }

  /** The prefectures that have a city of this spelling (as {@link Match#spelling()} gives it). */
  Set<String> prefecturesOf(String city) {
    return prefecturesByCitySpelling.getOrDefault(PlaceNames.fold(city), Set.of());
  }

  /**
   * The prefectures that have a city written exactly so, unfolded: 鹿嶋市 is only 茨城県, though it folds
   * to 鹿島市 as 佐賀県's does.
   */
  Set<String> prefecturesOfExact(String city) {
    return prefecturesByExactCity.getOrDefault(city, Set.of());
  }

  /**
   * The longest town of the city at {@code from}, but rather a shorter one than one that ends
   * inside a number: in 本町十二丁目 the town is 本町 where the city also had a town 本町十. A town that ends
   * in a numeral and is the only match (柏市十余二 3-4) stays.
   */
  Optional<Match> town(String prefecture, String city, String compact, int from) {
    Names towns = townsByCity.get(prefecture + city);
    if (towns == null) {
      return Optional.empty();
    }
    Optional<Match> longest = towns.longest(compact, from);
    Optional<Match> m = longest;
    while (m.isPresent() && splitsNumber(compact, m.get().end())) {
      m = towns.longest(compact, from, m.get().end() - from - 1);
    }
    return m.isPresent() ? m : longest;
  }

  /** Whether a name ending at {@code end} cuts a run of kanji numerals or of digits in two. */
  private static boolean splitsNumber(String text, int end) {
    if (end <= 0 || end >= text.length()) {
      return false;
    }
    char before = text.charAt(end - 1);
    char after = text.charAt(end);
    return isDigit(before) && isDigit(after)
        || Numerals.isKanjiNumeral(before) && Numerals.isKanjiNumeral(after);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Canonical town name of a directory town, as {@link #town} would give it. */
  String canonicalTown(String prefecture, String city, String directoryTown) {
    return stemOf(prefecture, Text.clean(city), Text.clean(directoryTown).replace(" ", ""));
  }

  /** Spellings mapped to canonical names, matched longest first. */
  private static final class Names {
    private final Map<String, String> canonicalBySpelling = new HashMap<>();
    private final Set<String> aliases = new java.util.HashSet<>();
    private final Set<String> ambiguous = new java.util.HashSet<>();
    private int maxLength;

    void add(String name, String canonical) {
      String spelling = PlaceNames.fold(name);
      canonicalBySpelling.put(spelling, canonical);
      aliases.remove(spelling);
      maxLength = Math.max(maxLength, spelling.length());
    }

    /** An alias never overrides a directory name, and one that means two places is dropped. */
    void addAlias(String name, String canonical) {
      String spelling = PlaceNames.fold(name);
      String existing = canonicalBySpelling.get(spelling);
      if (existing == null && !ambiguous.contains(spelling)) {
        add(name, canonical);
        aliases.add(spelling);
      } else if (existing != null && !existing.equals(canonical) && aliases.remove(spelling)) {
        canonicalBySpelling.remove(spelling);
        ambiguous.add(spelling);
      }
    }

    /** The longest name at {@code from} of a {@link PlaceNames#fold folded} text. */
    Optional<Match> longest(String text, int from) {
      return longest(text, from, text.length() - from);
    }

    /** As {@link #longest(String, int)}, for names of at most {@code maxLen} chars. */
    Optional<Match> longest(String text, int from, int maxLen) {
      for (int len = Math.min(Math.min(maxLength, maxLen), text.length() - from); len > 0; len--) {
        String canonical = canonicalBySpelling.get(text.substring(from, from + len));
        if (canonical != null) {
          return Optional.of(new Match(canonical, text.substring(from, from + len), from + len));
        }
      }
      return Optional.empty();
    }
  }
}
