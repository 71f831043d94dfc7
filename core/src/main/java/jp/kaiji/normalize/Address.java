package jp.kaiji.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A normalized Japanese address.
 *
 * <p>Matching compares keys at several precisions, coarse to fine, so that a record with the block
 * written differently, or with the building left out, still meets the request at the precision both
 * give.
 *
 * @param postcode seven digits, where given or inferred
 * @param prefecture e.g. 大阪府, given or inferred from the postcode or city
 * @param city e.g. 大阪市北区
 * @param town the town (町域) without block numbers, e.g. 梅田
 * @param block block numbers in canonical form, e.g. {@code 3-5-13} for 三丁目5番13号
 * @param building building and room, kept apart: not required for a match
 */
public record Address(
    Optional<String> postcode,
    Optional<String> prefecture,
    Optional<String> city,
    Optional<String> town,
    Optional<String> block,
    Optional<String> building) {
  private static final java.util.regex.Pattern SEVEN_DIGITS =
      java.util.regex.Pattern.compile("[0-9]{7}");

  public Address {
    Objects.requireNonNull(postcode, "postcode");
    Objects.requireNonNull(prefecture, "prefecture");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(town, "town");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(building, "building");
    postcode.ifPresent(
        p -> {
          if (!SEVEN_DIGITS.matcher(p).matches()) {
            throw new IllegalArgumentException(
                "postcode must be 7 digits, got length " + p.length());
          }
        });
  }

  /** How precisely two addresses agree. */
  public enum Precision {
    PREFECTURE_CITY,
    TOWN,
    BLOCK
  }

  /** One comparison key of this address at one precision. */
  public record Key(Precision precision, String value) {}

  /**
   * The keys this address yields, coarsest first. A key is present only when every part up to its
   * precision is known, so equal keys always mean agreement at that precision.
   */
  public List<Key> keys() {
    List<Key> keys = new ArrayList<>(3);
    if (prefecture.isEmpty() || city.isEmpty()) {
      return keys;
    }
    String prefCity = prefecture.get() + city.get();
    keys.add(new Key(Precision.PREFECTURE_CITY, prefCity));
    if (town.isPresent()) {
      String withTown = prefCity + town.get();
      keys.add(new Key(Precision.TOWN, withTown));
      block.ifPresent(b -> keys.add(new Key(Precision.BLOCK, withTown + b)));
    }
    return keys;
  }
}
