package jp.kaiji.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.kaiji.auth.Principal;

/**
 * The server-side session store of the console: random 256-bit ids, an idle expiry and an absolute
 * one. Sessions live in memory only, so a restart signs everybody out (the safe side).
 */
final class ConsoleSessions {
  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration ABSOLUTE = Duration.ofHours(10);

  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code who}; a new id every time, so a planted id is never promoted. */
  ConsoleSession create(Principal who) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    ConsoleSession s = new ConsoleSession(randomId(), who, randomId(), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id, touched; empty when unknown or expired (then removed). */
  Optional<ConsoleSession> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    ConsoleSession s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    ConsoleSession touched = s.seenAt(now);
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  void remove(String id) {
    sessions.remove(id);
  }

  /** Constant-time comparison of a presented CSRF token with the session's. */
  static boolean csrfMatches(ConsoleSession s, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            s.csrf().getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean expired(ConsoleSession s, Instant now) {
    return s.lastSeen().plus(IDLE).isBefore(now) || s.created().plus(ABSOLUTE).isBefore(now);
  }

  private String randomId() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
