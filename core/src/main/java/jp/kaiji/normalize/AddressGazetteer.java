package jp.kaiji.normalize;

import java.util.HashMap;
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
 * <p>Spellings (aliases) besides the directory's own name: a town or village without its county
 * (瑞穂町 for 西多摩郡瑞穂町); a town with kanji numerals in Arabic digits (北10条西 for 北十条西); and a town that
 * the directory lists per 丁目 (保原町１丁目) under its stem (保原町), which is also its canonical name, so
 * that the 丁目 goes to the block and 保原町1丁目2-3 and 保原町1-2-3 agree. Thread-safe and immutable.
 */
final class AddressGazetteer {
  private static final Pattern COUNTY_TOWN = Pattern.compile("(.+郡)(.+[町村])");
  private static final Pattern CHOME_TOWN = Pattern.compile("(.+?)([0-9]+|[〇一二三四五六七八九十]+)丁目");

  /** A name found at the start of some text: its canonical form and where the text goes on. */
  record Match(String canonical, String spelling, int end) {}

  private static final class Holder {
    static final AddressGazetteer INSTANCE = new AddressGazetteer(PostcodeDirectory.get());
  }

  private final Names prefectures = new Names();
  private final Map<String, Names> citiesByPrefecture = new HashMap<>();
  private final Map<String, Set<String>> prefecturesByCitySpelling = new HashMap<>();
  private final Names allCities = new Names();
  private final Map<String, Names> townsByCity = new HashMap<>();

  private AddressGazetteer(PostcodeDirectory directory) {
    for (String p : directory.prefectures()) {
      prefectures.add(p, p);
    }
    for (PostcodeDirectory.Place place : directory.places()) {
      String pref = place.prefecture();
      String city = Text.clean(place.city());
      Names cities = citiesByPrefecture.computeIfAbsent(pref, k -> new Names());
      cities.add(city, city);
      allCities.add(city, city);
      prefecturesByCitySpelling.computeIfAbsent(city, k -> new LinkedHashSet<>()).add(pref);
      Matcher county = COUNTY_TOWN.matcher(city);
      if (county.matches()) {
        cities.addAlias(county.group(2), city);
        allCities.addAlias(county.group(2), city);
        prefecturesByCitySpelling
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
        Matcher chome = CHOME_TOWN.matcher(town);
        String canonical = chome.matches() ? chome.group(1) : town;
        towns.add(canonical, canonical);
        towns.addAlias(Numerals.toArabic(canonical), canonical);
      }
    }
  }

  static AddressGazetteer get() {
    return Holder.INSTANCE;
  }

  Optional<Match> prefecture(String compact, int from) {
    return prefectures.longest(compact, from);
  }

  Optional<Match> city(String prefecture, String compact, int from) {
    Names cities = citiesByPrefecture.get(prefecture);
    return cities == null ? Optional.empty() : cities.longest(compact, from);
  }

  /** A city at the start of the text in any prefecture, for inferring the prefecture. */
  Optional<Match> anyCity(String compact, int from) {
    return allCities.longest(compact, from);
  }

  /** The prefectures that have a city of this canonical name or spelling. */
  Set<String> prefecturesOf(String city) {
    return prefecturesByCitySpelling.getOrDefault(city, Set.of());
  }

  Optional<Match> town(String prefecture, String city, String compact, int from) {
    Names towns = townsByCity.get(prefecture + city);
    return towns == null ? Optional.empty() : towns.longest(compact, from);
  }

  /** Canonical town name of a directory town, as {@link #town} would give it. */
  static String canonicalTown(String directoryTown) {
    String town = Text.clean(directoryTown).replace(" ", "");
    Matcher chome = CHOME_TOWN.matcher(town);
    return chome.matches() ? chome.group(1) : town;
  }

  /** Spellings mapped to canonical names, matched longest first. */
  private static final class Names {
    private final Map<String, String> canonicalBySpelling = new HashMap<>();
    private final Set<String> aliases = new java.util.HashSet<>();
    private final Set<String> ambiguous = new java.util.HashSet<>();
    private int maxLength;

    void add(String spelling, String canonical) {
      canonicalBySpelling.put(spelling, canonical);
      aliases.remove(spelling);
      maxLength = Math.max(maxLength, spelling.length());
    }

    /** An alias never overrides a directory name, and one that means two places is dropped. */
    void addAlias(String spelling, String canonical) {
      String existing = canonicalBySpelling.get(spelling);
      if (existing == null && !ambiguous.contains(spelling)) {
        add(spelling, canonical);
        aliases.add(spelling);
      } else if (existing != null && !existing.equals(canonical) && aliases.remove(spelling)) {
        canonicalBySpelling.remove(spelling);
        ambiguous.add(spelling);
      }
    }

    Optional<Match> longest(String text, int from) {
      for (int len = Math.min(maxLength, text.length() - from); len > 0; len--) {
        String canonical = canonicalBySpelling.get(text.substring(from, from + len));
        if (canonical != null) {
          return Optional.of(new Match(canonical, text.substring(from, from + len), from + len));
        }
      }
      return Optional.empty();
    }
  }
}
