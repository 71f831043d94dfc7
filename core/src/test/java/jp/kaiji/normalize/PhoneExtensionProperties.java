package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An extension written after a number, in any of the forms the group's sources use, is split off
 * and never changes the number's key nor makes it unusable.
 */
class PhoneExtensionProperties {
  @RegisterExtension final TestSeed seed = new TestSeed();

  static final List<String> FORMS =
      List.of(
          "(内)%s",
          " (内)%s", "内線%s", " 内線 %s", "内%s", "（内線%s）", "ext. %s", " ext%s", "x%s", " X%s", "#%s",
          " Ext.%s", "［内線：%s］");
  static final List<String> PREFIXES =
      List.of("090", "080", "070", "03", "06", "052", "011", "092", "0466", "075", "0120");

  /** A number libphonenumber accepts, written with or without dashes. */
  static String validNumber(Random random) {
    while (true) {
      String prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
      int length = prefix.startsWith("0120") ? 10 : prefix.matches("0[789]0") ? 11 : 10;
      StringBuilder n = new StringBuilder(prefix);
      while (n.length() < length) {
        n.append(random.nextInt(10));
      }
      String written = random.nextBoolean() ? n.toString() : dashed(n.toString(), prefix.length());
      if (Phones.normalize(written).isOk()) {
        return written;
      }
    }
  }

  private static String dashed(String digits, int prefix) {
    int mid = prefix + (digits.length() - prefix) / 2;
    return digits.substring(0, prefix)
        + "-"
        + digits.substring(prefix, mid)
        + "-"
        + digits.substring(mid);
  }

  @Test
  void anyValidNumberWithAnyExtensionFormKeepsTheNumbersKey() {
    Random random = seed.random();
    for (int i = 0; i < 2_000; i++) {
      String number = validNumber(random);
      String extension = Integer.toString(1 + random.nextInt(9999));
      String form = FORMS.get(random.nextInt(FORMS.size()));
      String written = number + String.format(java.util.Locale.ROOT, form, extension);
      Phone bare = Phones.normalize(number).orElseThrow();
      Normalized<Phone> withExtension = Phones.normalize(written);
      assertThat(withExtension.isOk()).as("%s", written).isTrue();
      assertThat(withExtension.orElseThrow().e164()).as("%s", written).isEqualTo(bare.e164());
      assertThat(withExtension.orElseThrow().extension()).as("%s", written).contains(extension);
      assertThat(Phones.lenient(written).orElseThrow()).isEqualTo(withExtension.orElseThrow());
    }
  }

  @Test
  void anUnverifiedNumberWithAnExtensionKeepsItsKeyToo() {
    Random random = seed.random();
    for (int i = 0; i < 500; i++) {
      // 0 and nine digits in an area libphonenumber has no numbers for, in several writings.
      String digits = "0" + unknownArea(random);
      String written =
          switch (random.nextInt(3)) {
            case 0 -> digits;
            case 1 ->
                digits.substring(0, 3) + "(" + digits.substring(3, 6) + ")" + digits.substring(6);
            default ->
                digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
          };
      String extension = Integer.toString(1 + random.nextInt(999));
      String form = FORMS.get(random.nextInt(FORMS.size()));
      Phone p =
          Phones.lenient(written + String.format(java.util.Locale.ROOT, form, extension))
              .orElseThrow();
      assertThat(p.e164()).isEqualTo("+81" + digits.substring(1));
      assertThat(p.verified()).isFalse();
      assertThat(p.extension()).contains(extension);
    }
  }

  /** Nine digits starting an area code that libphonenumber rejects. */
  private static String unknownArea(Random random) {
    while (true) {
      StringBuilder n = new StringBuilder();
      for (int i = 0; i < 9; i++) {
        n.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
      }
      if (Phones.normalize("0" + n)
          .failureIfAny()
          .map(f -> f.code().equals("phone.invalid"))
          .orElse(false)) {
        return n.toString();
      }
    }
  }
}
