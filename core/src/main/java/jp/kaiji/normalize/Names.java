package jp.kaiji.normalize;

import java.util.List;
import java.util.Optional;

/** Normalizes personal names. */
public final class Names {
  private Names() {}

  /** A name written in one field; a space (half- or full-width) splits family from given. */
  public static Normalized<PersonName> normalize(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return Normalized.failed(IdentifierKind.NAME, "name.empty", "no name given");
    }
    String s = Text.nfkcTrim(fullName);
    String[] parts = s.split(" ");
    if (parts.length == 2) {
      return normalize(parts[0], parts[1]);
    }
    return Normalized.ok(
        new PersonName(s.replace(" ", ""), Optional.empty(), Optional.empty(), PersonName.Script.JAPANESE, List.of()));
  }

  /** A name the source gives as family and given name in separate fields. */
  public static Normalized<PersonName> normalize(String family, String given) {
    if (family == null || family.isBlank() || given == null || given.isBlank()) {
      return Normalized.failed(IdentifierKind.NAME, "name.part_empty", "family or given name is empty");
    }
    String f = Text.nfkcTrim(family).replace(" ", "");
    String g = Text.nfkcTrim(given).replace(" ", "");
    return Normalized.ok(
        new PersonName(f + g, Optional.of(f), Optional.of(g), PersonName.Script.JAPANESE, List.of()));
  }
}
