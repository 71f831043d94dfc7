package jp.kaiji.html;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A small HTML builder in which text is escaped unless raw markup is asked for by name. The
 * console's pages and the disclosure package's {@code index.html} are built with it, so that a
 * record's contents (names, addresses, free text typed by a call-centre agent) can never become
 * markup or script:
 *
 * <ul>
 *   <li>{@link #text} escapes whatever it is given; it is what a value goes through.
 *   <li>{@link #open}, {@link #el} and {@link #attr} take tag and attribute names that must be
 *       plain names (checked) and escape every attribute value.
 *   <li>{@link #add} appends another {@code Html}, which is safe by construction.
 *   <li>{@link #raw} appends markup as given; it is for the page's own constant markup and says so
 *       at every call site.
 * </ul>
 */
public final class Html {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9:-]*");

  private final StringBuilder out;

  public Html() {
    this.out = new StringBuilder(256);
  }

  /** Appends {@code value} (its {@code String.valueOf}) as text: escaped. */
  public Html text(Object value) {
    escapeInto(out, String.valueOf(value));
    return this;
  }

  /** Appends markup exactly as given: the page's own constant markup, never data. */
  public Html raw(String markup) {
    out.append(Objects.requireNonNull(markup, "markup"));
    return this;
  }

  /** Appends a fragment built with this class. */
  public Html add(Html fragment) {
    out.append(fragment.out);
    return this;
  }

  /**
   * Opens {@code <tag name="value" ...>}; attribute values are escaped and a {@code null} value
   * leaves the attribute out (a boolean attribute is written as {@code "checked", "checked"}).
   */
  public Html open(String tag, String... attributes) {
    out.append('<').append(name(tag));
    attrs(attributes);
    out.append('>');
    return this;
  }

  /** Closes {@code </tag>}. */
  public Html close(String tag) {
    out.append("</").append(name(tag)).append('>');
    return this;
  }

  /** {@code <tag ...>text</tag>}, the text escaped. */
  public Html el(String tag, Object text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** {@code <tag ...>fragment</tag>}. */
  public Html el(String tag, Html fragment, String... attributes) {
    return open(tag, attributes).add(fragment).close(tag);
  }

  /** A void element such as {@code <input ...>} or {@code <meta ...>}. */
  public Html empty(String tag, String... attributes) {
    return open(tag, attributes);
  }

  /**
   * One attribute, {@code name="value"} with the value escaped, inside a tag opened by {@link
   * #raw}.
   */
  public Html attr(String name, Object value) {
    if (value == null) {
      return this;
    }
    out.append(' ').append(name(name)).append("=\"");
    escapeInto(out, String.valueOf(value));
    out.append('"');
    return this;
  }

  /** Whether nothing has been written. */
  public boolean isEmpty() {
    return out.isEmpty();
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void attrs(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      String n = attributes[i];
      String v = attributes[i + 1];
      if (v != null) {
        attr(n, v);
      }
    }
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + name);
    }
    return name;
  }

  /** Escapes text for element content and double-quoted attribute values. */
  static String escape(Object value) {
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(s.length() + 16);
    escapeInto(b, s);
    return b.toString();
  }

  private static void escapeInto(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
  }
}
