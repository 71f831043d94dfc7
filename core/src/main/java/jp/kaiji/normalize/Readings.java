package jp.kaiji.normalize;

import java.util.Optional;

/** Normalizes name readings (フリガナ) to katakana. */
public final class Readings {
  private Readings() {}

  /** A reading as written by the person or the source. */
  public static Normalized<Reading> normalize(String reading) {
    if (reading == null || reading.isBlank()) {
      return Normalized.failed(IdentifierKind.READING, "reading.empty", "no reading given");
    }
    String key = Text.nfkcTrim(reading).replace(" ", "");
    return Normalized.ok(new Reading(key, key, Optional.empty(), Optional.empty(), false));
  }
}
