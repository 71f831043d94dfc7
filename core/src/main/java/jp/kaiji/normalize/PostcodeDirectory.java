package jp.kaiji.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Japan Post's postcode table: which prefecture, city and town each seven-digit postcode covers.
 *
 * <p>Loaded once from {@code postcodes.tsv.gz} (see README, "Data shipped in the repository").
 * Thread-safe and immutable.
 */
public final class PostcodeDirectory {

  /** One row of the table: a postcode and a town it covers (a postcode may cover several). */
  public record Place(
      String postcode, String prefecture, String cityCode, String city, String town) {
    /** The JIS X 0401 prefecture code: the first two digits of the city code. */
    public String prefectureCode() {
      return cityCode.substring(0, 2);
    }

    public Place {
      Objects.requireNonNull(postcode, "postcode");
      Objects.requireNonNull(prefecture, "prefecture");
      Objects.requireNonNull(cityCode, "cityCode");
      Objects.requireNonNull(city, "city");
      Objects.requireNonNull(town, "town");
    }
  }

  private static final class Holder {
    static final PostcodeDirectory INSTANCE = load();
  }

  private final List<Place> places;
  private final Map<String, List<Place>> byPostcode;
  private final List<String> prefectures;
  private final Map<String, Set<String>> prefecturesByCity;

  private PostcodeDirectory(List<Place> places) {
    this.places = List.copyOf(places);
    Map<String, List<Place>> byCode = new HashMap<>();
    Map<String, String> prefsByCode = new java.util.TreeMap<>();
    Map<String, Set<String>> prefsByCity = new HashMap<>();
    for (Place p : this.places) {
      byCode.computeIfAbsent(p.postcode(), k -> new ArrayList<>(1)).add(p);
      prefsByCode.put(p.prefectureCode(), p.prefecture());
      prefsByCity.computeIfAbsent(p.city(), k -> new LinkedHashSet<>()).add(p.prefecture());
    }
    byCode.replaceAll((k, v) -> List.copyOf(v));
    prefsByCity.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.byPostcode = Map.copyOf(byCode);
    this.prefectures = List.copyOf(prefsByCode.values());
    this.prefecturesByCity = Map.copyOf(prefsByCity);
  }

  /** The shared directory, loaded on first use. */
  public static PostcodeDirectory get() {
    return Holder.INSTANCE;
  }

  /** Every row, in postcode order. */
  public List<Place> places() {
    return places;
  }

  /** The places a seven-digit postcode covers; empty for an unknown postcode. */
  List<Place> lookup(String postcode) {
    return byPostcode.getOrDefault(postcode, List.of());
  }

  /** The 47 prefectures, in JIS X 0401 code order (北海道 first, 沖縄県 last). */
  List<String> prefectures() {
    return prefectures;
  }

  /** The prefectures that have a city of this name (e.g. 府中市 is in two). */
  Set<String> prefecturesOfCity(String city) {
    return prefecturesByCity.getOrDefault(city, Set.of());
  }

  private static PostcodeDirectory load() {
    String resource = "postcodes.tsv.gz";
    try (InputStream raw = PostcodeDirectory.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException(
            "missing resource " + resource + " next to " + PostcodeDirectory.class.getName());
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      List<Place> places = new ArrayList<>(130_000);
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        // postcode, prefecture code, prefecture, city code, city, town (town may be empty)
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException(
              resource + " line " + lineNo + ": expected 6 fields, got " + f.length);
        }
        places.add(new Place(f[0], f[2], f[3], f[4], f[5]));
      }
      return new PostcodeDirectory(places);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
