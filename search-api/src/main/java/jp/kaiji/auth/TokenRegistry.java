package jp.kaiji.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.normalize.Hashes;

/**
 * The bearer tokens the server accepts. Only SHA-256 hashes of the tokens are configured, so a
 * leaked configuration file does not leak a credential. Tokens are long random strings, which is
 * why a plain (unsalted, fast) hash is enough here.
 */
public final class TokenRegistry {

  /**
   * One configured token.
   *
   * @param name who holds it, for the audit log (e.g. {@code suzuki@compliance})
   * @param role what it may do
   * @param sha256 lower-case hex SHA-256 of the token
   * @param company for an owner token (and only for one), the catalogue id of its company
   */
  public record TokenEntry(String name, Role role, String sha256, Optional<String> company) {
    public TokenEntry(String name, Role role, String sha256) {
      this(name, role, sha256, Optional.empty());
    }

    public TokenEntry {
      company = company == null ? Optional.empty() : company;
      Objects.requireNonNull(name, "token name");
      Objects.requireNonNull(role, "token role of " + name);
      Objects.requireNonNull(sha256, "token sha256 of " + name);
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "token '" + name + "': sha256 must be 64 lower-case hex digits");
      }
      if ((role == Role.OWNER) != company.isPresent()) {
        throw new IllegalArgumentException(
            "token '" + name + "': an owner token names its company, no other token does");
      }
    }
  }

  private final List<TokenEntry> entries;

  public TokenRegistry(List<TokenEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The caller holding {@code token}, or empty for an unknown token. Constant-time per entry. */
  public Optional<Principal> authenticate(String token) {
    byte[] presented = Hashes.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
    Optional<Principal> found = Optional.empty();
    for (TokenEntry e : entries) {
      if (MessageDigest.isEqual(presented, e.sha256().getBytes(StandardCharsets.US_ASCII))) {
        found = Optional.of(new Principal(e.name(), e.role(), e.company()));
      }
    }
    return found;
  }

  /** A new random token: 32 bytes from a SecureRandom, hex-encoded. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return "kj_" + HexFormat.of().formatHex(bytes);
  }
}
