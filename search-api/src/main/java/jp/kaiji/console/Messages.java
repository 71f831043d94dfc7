package jp.kaiji.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;

/**
 * The console's labels in one language: {@code messages_ja.properties} (the default) and {@code
 * messages_en.properties}, UTF-8. Loaded directly rather than through ResourceBundle's lookup, so
 * the JVM's default locale never changes which language a page shows.
 */
final class Messages {
  /** The languages offered; the first is the default. */
  enum Lang {
    JA,
    EN;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static java.util.Optional<Lang> of(String id) {
      for (Lang l : values()) {
        if (l.id().equals(id)) {
          return java.util.Optional.of(l);
        }
      }
      return java.util.Optional.empty();
    }
  }

  private static final Map<Lang, Messages> ALL =
      Map.of(Lang.JA, load(Lang.JA), Lang.EN, load(Lang.EN));

  private final Lang lang;
  private final PropertyResourceBundle bundle;

  private Messages(Lang lang, PropertyResourceBundle bundle) {
    this.lang = lang;
    this.bundle = bundle;
  }

  static Messages of(Lang lang) {
    return ALL.get(lang);
  }

  Lang lang() {
    return lang;
  }

  /** The label for {@code key}, formatted with {@code args}; a missing key shows as itself. */
  String t(String key, Object... args) {
    if (!bundle.containsKey(key)) {
      return key;
    }
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private static Messages load(Lang lang) {
    String name = "messages_" + lang.id() + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing console resource " + name);
      }
      return new Messages(
          lang, new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
