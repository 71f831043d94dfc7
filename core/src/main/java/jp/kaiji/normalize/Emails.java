package jp.kaiji.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalizes e-mail addresses. */
public final class Emails {
  private static final Pattern SHAPE =
      Pattern.compile("[^@\\s]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

  private Emails() {}

  public static Normalized<Email> normalize(String input) {
    if (input == null || input.isBlank()) {
      return Normalized.failed(IdentifierKind.EMAIL, "email.empty", "no e-mail address given");
    }
    String key = Text.nfkcTrim(input).replace(" ", "").toLowerCase(Locale.ROOT);
    if (!SHAPE.matcher(key).matches()) {
      return Normalized.failed(
          IdentifierKind.EMAIL, "email.shape", "not the shape of an e-mail address (local@domain.tld)");
    }
    return Normalized.ok(new Email(input, key));
  }
}
