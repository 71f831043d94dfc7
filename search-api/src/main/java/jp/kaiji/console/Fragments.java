package jp.kaiji.console;

import jp.kaiji.html.Html;

/**
 * The console's pieces of markup shared by many pages. Pages are built with {@link Html}, the one
 * builder in which every value is escaped unless raw markup is asked for by name.
 */
final class Fragments {
  private Fragments() {}

  /** A hidden input carrying the session's CSRF token, for every state-changing form. */
  static Html csrfField(ConsoleSession session) {
    return new Html().empty("input", "type", "hidden", "name", "csrf", "value", session.csrf());
  }
}
