package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Phones} asks libphonenumber for the number type only and treats UNKNOWN as invalid; this
 * checks on random Japanese and foreign numbers that the answer is the one isValidNumber gives.
 */
class PhoneValidityShortcutTest {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  @Test
  void unknownTypeIsExactlyAnInvalidNumber() throws NumberParseException {
    Random random = testSeed.random();
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String[] prefixes = {
      "0", "090", "080", "070", "050", "0120", "03", "06", "011", "+1", "+44", "+81", "+82", "+86"
    };
    int valid = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      int digits = 6 + random.nextInt(7);
      for (int d = 0; d < digits; d++) {
        s.append(random.nextInt(10));
      }
      PhoneNumber n;
      try {
        n = util.parse(s.toString(), "JP");
      } catch (NumberParseException e) {
        continue;
      }
      boolean isValid = util.isValidNumber(n);
      valid += isValid ? 1 : 0;
      assertThat(util.getNumberType(n) != PhoneNumberUtil.PhoneNumberType.UNKNOWN)
          .as(s.toString())
          .isEqualTo(isValid);
    }
    assertThat(valid).as("some random numbers are valid").isGreaterThan(100);
  }
}
