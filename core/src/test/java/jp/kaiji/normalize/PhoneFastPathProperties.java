package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast path for plain domestic numbers in {@link Phones} gives exactly what the libphonenumber
 * path gives, on random numbers of every Japanese prefix shape, valid or not, dashed or not.
 */
class PhoneFastPathProperties {
  @RegisterExtension final TestSeed seed = new TestSeed();

  static final List<String> PREFIXES =
      List.of(
          "090", "080", "070", "060", "050", "020", "010", "0120", "0800", "0570", "0990", "03",
          "06", "052", "011", "092", "0466", "075", "04992", "0", "01", "00", "1", "9");

  @Test
  void fastPathAgreesWithLibphonenumber() {
    Random random = seed.random();
    int fast = 0;
    int valid = 0;
    for (int i = 0; i < 20_000; i++) {
      String written = write(random);
      Normalized<Phone> expected = Phones.slowPath(written);
      assertThat(Phones.normalize(written)).as(written).isEqualTo(expected);
      assertThat(Phones.lenient(written)).as(written).isEqualTo(Phones.lenientSlowPath(written));
      Normalized<Phone> f = Phones.fastPath(written);
      if (f != null) {
        fast++;
        assertThat(f).as(written).isEqualTo(expected);
      }
      valid += expected.isOk() ? 1 : 0;
    }
    assertThat(fast).as("the fast path answers most valid numbers").isGreaterThan(valid / 2);
  }

  /** A random number: a prefix, 8 to 12 digits in all, dashes at random places (or odd ones). */
  private static String write(Random random) {
    StringBuilder digits = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
    int length = 9 + random.nextInt(4);
    while (digits.length() < length) {
      digits.append(random.nextInt(10));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && random.nextInt(4) == 0) {
        out.append(random.nextInt(20) == 0 ? "--" : "-");
      }
      out.append(digits.charAt(i));
    }
    return switch (random.nextInt(20)) {
      case 0 -> "-" + out;
      case 1 -> out + "-";
      case 2 -> out + " ";
      case 3 -> "０" + out.substring(1);
      default -> out.toString();
    };
  }
}
