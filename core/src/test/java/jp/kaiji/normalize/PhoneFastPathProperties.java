package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast path for plain domestic numbers in {@link Phones} gives exactly what the libphonenumber
 * path gives, on random numbers of every Japanese prefix shape, valid or not, in every writing the
 * fast path reads and in odd ones next to them.
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

  @Test
  void theWritingsOfTheSourcesTakeTheFastPath() {
    for (String written :
        List.of(
            "090-1234-5678",
            "+81 90 8472 9474",
            "+81-3-1234-5678",
            "080(5941)2589",
            "(052)768-7646",
            "０９０－２０４１－１４７５",
            "０５２ー５９２ー４２８１",
            "03 1234 5678")) {
      assertThat(Phones.fastPath(written))
          .as(written)
          .isNotNull()
          .isEqualTo(Phones.slowPath(written));
    }
    // Left to the slow path: two brackets, a bracket in the +81 form, +81 (0), a doubled dash.
    for (String written :
        List.of("(03)(1234)5678", "+81(90)84729474", "+81 (0)90 8472 9474", "090--1234-5678")) {
      assertThat(Phones.fastPath(written)).as(written).isNull();
    }
  }

  // Mostly what sources write, with odd ones (doubled, a dot, a full-width tilde) among them.
  static final List<String> SEPARATORS =
      List.of(
          "-", "-", "-", "-", "-", "-", " ", " ", "－", "ー", "‐", "‑", "−", "〜", "\u3000", "--",
          "  ", ".", "～");

  /**
   * A random number: a prefix, 8 to 12 digits in all, separators of every kind at random places (or
   * odd ones), sometimes full-width digits, brackets around a group, or the +81 form.
   */
  private static String write(Random random) {
    StringBuilder digits = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
    int length = 9 + random.nextInt(4);
    while (digits.length() < length) {
      digits.append(random.nextInt(10));
    }
    String number = digits.toString();
    boolean international = random.nextInt(5) == 0 && number.startsWith("0");
    if (international) {
      number = number.substring(1);
    }
    String separator = SEPARATORS.get(random.nextInt(SEPARATORS.size()));
    boolean mixed = random.nextInt(8) == 0;
    boolean wide = random.nextInt(6) == 0;
    // Brackets around the digits from 'open' to 'close' (exclusive), when drawn.
    int open = random.nextInt(4) == 0 ? random.nextInt(3) : -1;
    int close = open < 0 ? -1 : open + 1 + random.nextInt(5);
    StringBuilder out = new StringBuilder(international ? "+81" : "");
    if (international && random.nextBoolean()) {
      out.append(random.nextBoolean() ? " " : "-");
    }
    for (int i = 0; i < number.length(); i++) {
      if (i == close) {
        out.append(random.nextInt(10) == 0 ? "）" : ")");
      } else if (i > 0 && random.nextInt(4) == 0) {
        out.append(mixed ? SEPARATORS.get(random.nextInt(SEPARATORS.size())) : separator);
      }
      if (i == open) {
        out.append(random.nextInt(10) == 0 ? "（" : "(");
      }
      char c = number.charAt(i);
      out.append(wide && random.nextInt(3) > 0 ? (char) (c - '0' + '０') : c);
    }
    if (close >= number.length()) {
      out.append(')');
    }
    return switch (random.nextInt(20)) {
      case 0 -> "-" + out;
      case 1 -> out + "-";
      case 2 -> out + " ";
      case 3 -> "０" + out.substring(1);
      case 4 -> " " + out;
      default -> out.toString();
    };
  }
}
