package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A directory place with a block, written in the usual notations, always gives one set of keys. */
class AddressVariantProperties {
  private static final List<PostcodeDirectory.Place> PLACES =
      PostcodeDirectory.get().places().stream()
          .filter(p -> !p.town().isEmpty())
          // Towns the directory lists per 丁目 are keyed by their stem; keep the generator simple.
          .filter(p -> !p.town().contains("丁目") && !p.town().contains("、"))
          // A directory town holding a lot number (西井出８２４０－１) takes no 丁目 after it.
          .filter(p -> !p.town().matches(".*[0-9０-９].*"))
          .toList();

  @Provide
  Arbitrary<PostcodeDirectory.Place> place() {
    return Arbitraries.integers().between(0, PLACES.size() - 1).map(PLACES::get);
  }

  @Property(tries = 300)
  void aBlockWrittenFourWaysHasOneSetOfKeys(
      @ForAll("place") PostcodeDirectory.Place p,
      @ForAll @IntRange(min = 1, max = 9) int chome,
      @ForAll @IntRange(min = 1, max = 30) int ban,
      @ForAll @IntRange(min = 1, max = 30) int go) {
    String head = p.prefecture() + p.city() + p.town();
    String kanji = "〇一二三四五六七八九".substring(chome, chome + 1);
    List<String> written =
        List.of(
            head + chome + "-" + ban + "-" + go,
            head + kanji + "丁目" + ban + "番" + go + "号",
            IdentifierVariantProperties.fullWidth(head + chome + "-" + ban + "-" + go),
            "〒"
                + p.postcode().substring(0, 3)
                + "-"
                + p.postcode().substring(3)
                + " "
                + head
                + chome
                + "丁目"
                + ban
                + "-"
                + go
                + " メゾン101号室");
    Set<List<Address.Key>> keys =
        written.stream()
            .map(s -> Addresses.normalize(s).orElseThrow().keys())
            .collect(Collectors.toSet());
    assertThat(keys).hasSize(1);
    List<Address.Key> k = keys.iterator().next();
    assertThat(k).hasSize(3);
    assertThat(k.get(2).value()).endsWith(chome + "-" + ban + "-" + go);
    assertThat(Addresses.normalize(k.get(2).value()).orElseThrow().keys()).isEqualTo(k);
  }
}
