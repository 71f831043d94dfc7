package jp.kaiji.normalize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes Japanese addresses into keys at several precisions ({@link Address#keys()}).
 *
 * <p>Steps: NFKC; the postcode (〒, with or without hyphen, in the text or in its own field) to
 * seven digits; the prefecture at the start of the text (also without 都/府/県 where one of its cities
 * follows: 岩手花巻市), or else inferred from a city that only one prefecture has (千代田区 → 東京都), from the
 * one prefecture of a shared city name whose town follows (府中市宮西町 → 東京都), or from the postcode; the
 * city as the longest of that prefecture's cities in {@link PostcodeDirectory} (designated cities
 * with their ward, 大阪市中央区; counties with or without the county, 西多摩郡瑞穂町 / 瑞穂町), or from the
 * postcode when the text starts at the town; the town as the longest of that city's directory towns
 * the text goes on with (kanji numerals in names such as 北十条西 or 一ツ橋 kept, 北10条西 read as 北十条西, a
 * leading 大字 or 字 skipped; names compared in their {@link PlaceNames#fold folded} form, so 東恋ヶ窪 =
 * 東恋ケ窪 = 東恋が窪); then the block in canonical form ({@link BlockNumbers}: 三丁目5番13号, 3-5-13, ３－５－１３,
 * 3丁目5-13 and 三丁5-13 all give {@code 3-5-13}), after a 字 / 小字 name if one follows the town; the
 * rest is the building and room, kept in {@link Address#building()} and never part of a key. When
 * the town cannot be found, the rest of the text goes to the building and no block is read.
 *
 * <p><b>A postcode that contradicts the text</b> (its prefecture, or its city when the text names
 * one, differs) is dropped from the value and the text wins: the text names the place in many more
 * characters than seven digits, and a mistyped postcode must not put another town's postcode into
 * an index. A postcode the directory does not know is kept when there is text (business postcodes,
 * 事業所個別番号, are not in the town table).
 *
 * <p>Failures: {@code address.empty}; {@code postcode.shape} (not seven digits); {@code
 * postcode.unknown} (only a postcode was given and the directory does not know it); {@code
 * address.unresolved} (neither a prefecture nor a city nor a known postcode). An address resolved
 * only to its prefecture is still Ok and yields no key. Never throws; normalizing a key yields the
 * same key.
 */
public final class Addresses {
  private static final Pattern POSTCODE_FIELD =
      Pattern.compile("〒?\\s*(\\d{3})\\s*[-‐−―ー]?\\s*(\\d{4})");
  private static final Pattern MARKED_POSTCODE =
      Pattern.compile("〒\\s*(?:(\\d{3})\\s*[-‐−―ー]?\\s*(\\d{4})(?!\\d))?");
  private static final Pattern LEADING_POSTCODE =
      Pattern.compile("^(\\d{3})(?:[-‐−―ー]|(?=\\d{4}(?: |$)))(\\d{4})(?!\\d)");
  private static final Pattern BUILDING_LEAD = Pattern.compile("^[\\s\\-‐−―ー、,]+");
  private static final Pattern VILLAGE_PREFIX = Pattern.compile("^(大字|字)");
  private static final Pattern UNLISTED_TOWN =
      Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}々]{1,10}");

  private Addresses() {}

  /** An address whose postcode, if any, is written inside the same text. */
  public static Normalized<Address> normalize(String address) {
    return normalize(null, address);
  }

  /** An address with its postcode in a separate field ({@code postcode} may be null or blank). */
  public static Normalized<Address> normalize(String postcode, String address) {
    boolean noText = address == null || address.isBlank();
    if (noText && (postcode == null || postcode.isBlank())) {
      return Normalized.failed(IdentifierKind.ADDRESS, "address.empty", "no address given");
    }
    Optional<String> zip = Optional.empty();
    if (postcode != null && !postcode.isBlank()) {
      Matcher m = POSTCODE_FIELD.matcher(Text.clean(postcode));
      if (!m.matches()) {
        return shapeFailure();
      }
      zip = Optional.of(m.group(1) + m.group(2));
    }
    String text = noText ? "" : Text.clean(address);
    Matcher marked = MARKED_POSTCODE.matcher(text);
    Matcher leading = LEADING_POSTCODE.matcher(text);
    if (marked.find()) {
      if (marked.group(1) == null) {
        return shapeFailure();
      }
      zip = zip.or(() -> Optional.of(marked.group(1) + marked.group(2)));
      text = (text.substring(0, marked.start()) + " " + text.substring(marked.end())).strip();
    } else if (leading.find()) {
      zip = zip.or(() -> Optional.of(leading.group(1) + leading.group(2)));
      text = text.substring(leading.end()).strip();
    }
    List<PostcodeDirectory.Place> places =
        zip.map(PostcodeDirectory.get()::lookup).orElse(List.of());
    if (text.isEmpty()) {
      if (places.isEmpty()) {
        return Normalized.failed(
            IdentifierKind.POSTCODE,
            "postcode.unknown",
            "the postcode is not in Japan Post's table");
      }
      return Normalized.ok(fromPostcode(zip.get(), places));
    }
    return resolve(text, zip, places);
  }

  private static Normalized<Address> resolve(
      String text, Optional<String> zip, List<PostcodeDirectory.Place> places) {
    AddressGazetteer g = AddressGazetteer.get();
    Spaceless s = new Spaceless(text);
    Set<String> zipPrefectures = new LinkedHashSet<>();
    Set<String> zipCities = new LinkedHashSet<>();
    places.forEach(p -> zipPrefectures.add(p.prefecture()));
    places.forEach(p -> zipCities.add(Text.clean(p.city())));

    int pos = 0;
    Optional<String> prefecture = Optional.empty();
    boolean prefectureFromText = false;
    Optional<AddressGazetteer.Match> pm =
        g.prefecture(s.compact, pos).or(() -> shortPrefectureBeforeCity(g, s.compact));
    if (pm.isPresent()) {
      prefecture = Optional.of(pm.get().canonical());
      prefectureFromText = true;
      pos = pm.get().end();
    } else {
      Optional<AddressGazetteer.Match> anyCity = g.anyCity(s.compact, pos);
      Set<String> candidates = anyCity.map(c -> g.prefecturesOf(c.spelling())).orElse(Set.of());
      Optional<String> agreed = candidates.stream().filter(zipPrefectures::contains).findFirst();
      Optional<String> byTown = onlyPrefectureWithTown(g, candidates, s.compact);
      if (agreed.isPresent()) {
        prefecture = agreed;
      } else if (candidates.size() == 1) {
        prefecture = Optional.of(candidates.iterator().next());
        prefectureFromText = true;
      } else if (byTown.isPresent()) {
        prefecture = byTown;
        prefectureFromText = true;
      } else if (anyCity.isPresent() && exactPrefecture(g, s, anyCity.get()).isPresent()) {
        prefecture = exactPrefecture(g, s, anyCity.get());
        prefectureFromText = true;
      } else if (zipPrefectures.size() == 1) {
        prefecture = Optional.of(zipPrefectures.iterator().next());
      }
    }
    if (prefecture.isEmpty()) {
      return Normalized.failed(
          IdentifierKind.ADDRESS,
          "address.unresolved",
          "neither a prefecture, a city that names one, nor a known postcode");
    }
    String pref = prefecture.get();
    Optional<String> city = Optional.empty();
    boolean cityFromText = false;
    Optional<AddressGazetteer.Match> cm = g.city(pref, s.compact, pos);
    if (cm.isPresent()) {
      city = Optional.of(cm.get().canonical());
      cityFromText = true;
      pos = cm.get().end();
    } else if (zipPrefectures.contains(pref) && zipCities.size() == 1) {
      city = Optional.of(zipCities.iterator().next());
    }
    boolean contradicts =
        !places.isEmpty()
            && (prefectureFromText && !zipPrefectures.contains(pref)
                || cityFromText && !zipCities.contains(city.get()));
    Optional<String> keptZip = contradicts ? Optional.empty() : zip;

    Optional<String> town = Optional.empty();
    Optional<String> block = Optional.empty();
    int rest = s.original(pos);
    if (city.isPresent()) {
      Optional<AddressGazetteer.Match> tm = g.town(pref, city.get(), s.compact, pos);
      Matcher village = VILLAGE_PREFIX.matcher(s.compact.substring(pos));
      boolean marked = village.find();
      if (tm.isEmpty() && marked) {
        tm = g.town(pref, city.get(), s.compact, pos + village.end());
      }
      int blockAt = -1;
      if (tm.isPresent()) {
        town = Optional.of(tm.get().canonical());
        rest = s.original(tm.get().end());
      } else if (marked) {
        int nameStart = s.original(pos + village.end());
        blockAt = BlockNumbers.blockAfterName(text, nameStart);
        town = blockAt < 0 ? Optional.empty() : unlistedTown(text.substring(nameStart, blockAt));
      }
      if (town.isPresent()) {
        BlockNumbers.Block b =
            blockAt < 0
                ? BlockNumbers.readAfterSubdivision(text, rest)
                : BlockNumbers.read(text, blockAt);
        if (!b.canonical().isEmpty()) {
          block = Optional.of(b.canonical());
          rest = b.end();
        }
      }
    }
    String building =
        BUILDING_LEAD
            .matcher(text.substring(Math.min(rest, text.length())))
            .replaceFirst("")
            .strip();
    return Normalized.ok(
        new Address(
            keptZip,
            prefecture,
            city,
            town,
            block,
            building.isEmpty() ? Optional.empty() : Optional.of(building)));
  }

  /**
   * A 大字 that Japan Post's table does not list (it lists postal town names, and none at all for a
   * village with one postcode), written after 大字 or 字 and before the block: 大字山田字中島123 is 大字山田. The
   * key keeps 大字 so that it is a fixed point and never meets a listed town's key.
   */
  private static Optional<String> unlistedTown(String written) {
    // A space ends the address: what follows it is a building (大字山田 メゾン1).
    String name = written.strip();
    int aza = name.indexOf('字');
    if (aza > 0) {
      name = name.substring(0, name.charAt(aza - 1) == '小' ? aza - 1 : aza);
    }
    return UNLISTED_TOWN.matcher(name).matches()
        ? Optional.of("大字" + PlaceNames.fold(name))
        : Optional.empty();
  }

  /** 岩手 for 岩手県, but only where one of its cities follows (京都市 is no 京都 + 市). */
  private static Optional<AddressGazetteer.Match> shortPrefectureBeforeCity(
      AddressGazetteer g, String compact) {
    return g.shortPrefecture(compact, 0)
        .filter(p -> g.city(p.canonical(), compact, p.end()).isPresent());
  }

  /**
   * Of the prefectures that have the city the text starts with (府中市: 東京都 and 広島県), the only one
   * where one of the city's towns follows it; empty when none or several do.
   */
  private static Optional<String> onlyPrefectureWithTown(
      AddressGazetteer g, Set<String> candidates, String compact) {
    if (candidates.size() < 2) {
      return Optional.empty();
    }
    List<String> withTown =
        candidates.stream()
            .filter(
                pref ->
                    g.city(pref, compact, 0)
                        .flatMap(c -> g.town(pref, c.canonical(), compact, c.end()))
                        .isPresent())
            .toList();
    return withTown.size() == 1 ? Optional.of(withTown.get(0)) : Optional.empty();
  }

  /** The one prefecture of a city as written, before folding (鹿嶋市 → 茨城県), if only one. */
  private static Optional<String> exactPrefecture(
      AddressGazetteer g, Spaceless s, AddressGazetteer.Match city) {
    Set<String> exact = g.prefecturesOfExact(s.plain.substring(0, city.end()));
    return exact.size() == 1 ? Optional.of(exact.iterator().next()) : Optional.empty();
  }

  private static Address fromPostcode(String zip, List<PostcodeDirectory.Place> places) {
    Set<String> cities = new LinkedHashSet<>();
    Set<String> towns = new LinkedHashSet<>();
    for (PostcodeDirectory.Place p : places) {
      cities.add(Text.clean(p.city()));
      towns.add(AddressGazetteer.get().canonicalTown(p.prefecture(), p.city(), p.town()));
    }
    Optional<String> city =
        cities.size() == 1 ? Optional.of(cities.iterator().next()) : Optional.empty();
    Optional<String> town =
        city.isPresent() && towns.size() == 1 && !towns.iterator().next().isEmpty()
            ? Optional.of(towns.iterator().next())
            : Optional.empty();
    return new Address(
        Optional.of(zip),
        Optional.of(places.get(0).prefecture()),
        city,
        town,
        Optional.empty(),
        Optional.empty());
  }

  private static Normalized<Address> shapeFailure() {
    return Normalized.failed(
        IdentifierKind.POSTCODE, "postcode.shape", "a postcode has seven digits (〒541-0052)");
  }

  /**
   * The text without spaces and {@link PlaceNames#fold folded}, and where each char stands in it.
   */
  private static final class Spaceless {
    final String compact;

    /** {@link #compact} before folding. */
    final String plain;

    private final int[] originalIndex;
    private final int originalLength;

    Spaceless(String text) {
      StringBuilder b = new StringBuilder(text.length());
      int[] index = new int[text.length() + 1];
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) != ' ') {
          index[b.length()] = i;
          b.append(text.charAt(i));
        }
      }
      plain = b.toString();
      compact = PlaceNames.fold(plain);
      originalIndex = index;
      originalLength = text.length();
    }

    /** The index in the original text of the compact position (the end maps to the end). */
    int original(int compactPos) {
      return compactPos >= compact.length() ? originalLength : originalIndex[compactPos];
    }
  }
}
