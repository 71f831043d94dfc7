package jp.kaiji.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of identifiers under a server secret: the audit log can show that two searches used
 * the same phone number without anyone being able to recover or brute-force the number from the log
 * alone (a plain hash of a phone number is reversible by enumeration).
 */
public final class IdentifierHasher {
  private final SecretKeySpec key;

  public IdentifierHasher(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException(
          "audit salt must be at least 16 bytes, got " + secret.length);
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** {@code kind:hex}, e.g. {@code phone:9c1e…}; 16 bytes of the MAC are plenty to correlate. */
  public String hash(String kind, String normalizedValue) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] out =
          mac.doFinal((kind + "\u0000" + normalizedValue).getBytes(StandardCharsets.UTF_8));
      return kind + ":" + HexFormat.of().formatHex(out, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
    }
  }
}
