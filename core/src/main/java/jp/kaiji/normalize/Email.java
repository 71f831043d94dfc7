package jp.kaiji.normalize;

import java.util.Objects;

/**
 * A normalized e-mail address.
 *
 * @param original the address as written in the source or the request
 * @param key the comparison key: trimmed, width-folded, lower-cased (local part case-folded too,
 *     since providers in practice ignore case)
 */
public record Email(String original, String key) {
  public Email {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(key, "key");
  }

  /** SHA-256 of the key, as ad platforms receive it in records of provision to third parties. */
  public String sha256() {
    return Hashes.sha256Hex(key);
  }
}
