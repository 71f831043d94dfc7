package jp.kaiji.console;

/**
 * HTML escaping for server-rendered pages. Every value that reaches a page goes through {@link
 * #esc}; pages are built from constant markup and escaped values only, so record contents cannot
 * inject markup or script.
 */
final class Html {
  private Html() {}

  /** Escapes text for element content and double-quoted attribute values. */
  static String esc(Object value) {
    String s = String.valueOf(value);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A hidden input carrying the session's CSRF token, for every state-changing form. */
  static String csrfField(ConsoleSession session) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf()) + "\">";
  }
}
