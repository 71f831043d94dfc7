package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The figures of issue 15 on {@link AddressVariantSet}: the share of spellings whose block key is
 * the block key of their address's canonical spelling (goal ≥ 99.5%), and the number of block keys
 * that two distinct addresses share (goal 0). Prints the figures per class and overall, and writes
 * every spelling that disagrees to {@code target/address-variant-misses.txt}.
 */
class AddressVariantSetTest {
  @Test
  void spellingsOfOneAddressAgreeAndDistinctAddressesNeverShareABlockKey() throws IOException {
    List<AddressVariantSet.Entry> entries = AddressVariantSet.build();
    Map<String, int[]> byVariant = new TreeMap<>();
    Map<String, Set<String>> addressesByKey = new HashMap<>();
    List<String> misses = new ArrayList<>();
    int spellings = 0;
    int agree = 0;
    for (AddressVariantSet.Entry e : entries) {
      Optional<String> expected = blockKey(e.canonical());
      expected.ifPresent(k -> addressesByKey.computeIfAbsent(k, x -> new TreeSet<>()).add(e.id()));
      for (AddressVariantSet.Spelling s : e.spellings()) {
        Optional<String> key = blockKey(s);
        key.ifPresent(k -> addressesByKey.computeIfAbsent(k, x -> new TreeSet<>()).add(e.id()));
        boolean same = expected.isPresent() && key.equals(expected);
        spellings++;
        int[] tally = byVariant.computeIfAbsent(e.kind() + "/" + s.variant(), k -> new int[2]);
        tally[0]++;
        if (same) {
          agree++;
          tally[1]++;
        } else {
          misses.add(
              e.id()
                  + "\t"
                  + e.kind()
                  + "/"
                  + s.variant()
                  + "\t"
                  + s.text()
                  + "\t"
                  + key.orElse("-")
                  + "\texpected "
                  + expected.orElse("-"));
        }
      }
    }
    List<String> collisions =
        addressesByKey.entrySet().stream()
            .filter(x -> x.getValue().size() > 1)
            .map(x -> x.getKey() + " " + x.getValue())
            .sorted()
            .toList();
    StringBuilder report = new StringBuilder("address variant set (seed ");
    report.append(AddressVariantSet.SEED).append("): ").append(entries.size());
    report.append(" addresses, ").append(spellings).append(" spellings\n");
    byVariant.forEach(
        (k, t) -> {
          if (t[1] < t[0]) {
            report.append(String.format(java.util.Locale.ROOT, "  %-36s %4d/%4d%n", k, t[1], t[0]));
          }
        });
    report.append(
        String.format(
            java.util.Locale.ROOT,
            "same block key as canonical: %d/%d = %.2f%%; block keys shared by distinct addresses: %d%n",
            agree,
            spellings,
            100.0 * agree / spellings,
            collisions.size()));
    System.out.print(report);
    List<String> lines = new ArrayList<>(misses);
    collisions.forEach(c -> lines.add("collision\t" + c));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "address-variant-misses.txt"), lines, StandardCharsets.UTF_8);

    assertThat(entries).hasSizeGreaterThan(300);
    assertThat(collisions).isEmpty();
    assertThat((double) agree / spellings).isGreaterThanOrEqualTo(0.995);
  }

  private static Optional<String> blockKey(AddressVariantSet.Spelling s) {
    return Addresses.normalize(s.postcodeField(), s.text()).toOptional().stream()
        .flatMap(a -> a.keys().stream())
        .filter(k -> k.precision() == Address.Precision.BLOCK)
        .map(Address.Key::value)
        .findFirst();
  }
}
