package jp.kaiji.normalize;

import java.util.Objects;
import java.util.Optional;

/**
 * A normalized phone number.
 *
 * @param e164 the number in E.164, e.g. {@code +81644001876}
 * @param lineType mobile numbers belong to one person at a time; fixed lines are shared by a
 *     household or a company and are weaker evidence
 * @param extension an extension (内線) that was written after the number, kept aside
 * @param verified false for a number of Japanese domestic shape that libphonenumber does not know
 *     ({@link Phones#lenient}): still a key, but never evidence of one person
 */
public record Phone(String e164, LineType lineType, Optional<String> extension, boolean verified) {
  private static final java.util.regex.Pattern E164 =
      java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

  public Phone {
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(lineType, "lineType");
    Objects.requireNonNull(extension, "extension");
    if (!E164.matcher(e164).matches()) {
      throw new IllegalArgumentException("e164 is not in E.164 form: length " + e164.length());
    }
  }

  /** A number libphonenumber validated. */
  public Phone(String e164, LineType lineType, Optional<String> extension) {
    this(e164, lineType, extension, true);
  }

  /** SHA-256 of the E.164 form, as ad platforms receive it. */
  public String sha256() {
    return Hashes.sha256Hex(e164);
  }

  public enum LineType {
    MOBILE,
    FIXED_LINE,
    /** IP phones, toll-free and other numbers whose holder cannot be told from the number. */
    OTHER
  }
}
