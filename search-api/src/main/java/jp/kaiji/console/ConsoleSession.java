package jp.kaiji.console;

import java.time.Instant;
import java.util.Objects;
import jp.kaiji.auth.Principal;

/**
 * One signed-in browser: who it is and its synchronizer CSRF token. Held only on the server; the
 * browser holds nothing but the random session id in an HttpOnly cookie.
 *
 * @param id the random session id (the cookie's value)
 * @param principal who signed in, with the role of the token used
 * @param csrf the token every state-changing form and XHR must carry
 * @param created when the session began (absolute expiry counts from here)
 * @param lastSeen the last request (idle expiry counts from here)
 */
record ConsoleSession(
    String id, Principal principal, String csrf, Instant created, Instant lastSeen) {
  ConsoleSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(csrf, "csrf");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  ConsoleSession seenAt(Instant now) {
    return new ConsoleSession(id, principal, csrf, created, now);
  }
}
