package jp.kaiji.normalize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalizes Japanese addresses into keys at several precisions. */
public final class Addresses {
  private static final Pattern POSTCODE = Pattern.compile("〒?\\s*(\\d{3})-?(\\d{4})");

  private Addresses() {}

  /** An address whose postcode, if any, is written inside the same text. */
  public static Normalized<Address> normalize(String address) {
    return normalize(null, address);
  }

  /** An address with its postcode in a separate field ({@code postcode} may be null or blank). */
  public static Normalized<Address> normalize(String postcode, String address) {
    if ((address == null || address.isBlank()) && (postcode == null || postcode.isBlank())) {
      return Normalized.failed(IdentifierKind.ADDRESS, "address.empty", "no address given");
    }
    Optional<String> zip = Optional.empty();
    if (postcode != null && !postcode.isBlank()) {
      Matcher m = POSTCODE.matcher(Text.nfkcTrim(postcode));
      if (!m.matches()) {
        return Normalized.failed(IdentifierKind.POSTCODE, "postcode.shape", "postcode is not 7 digits");
      }
      zip = Optional.of(m.group(1) + m.group(2));
    }
    return Normalized.ok(
        new Address(zip, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }
}
