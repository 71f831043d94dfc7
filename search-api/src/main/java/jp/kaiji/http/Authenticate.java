package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.util.Objects;
import java.util.Set;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry;

/**
 * Lets a request through to {@code next} only with a bearer token of one of the allowed roles: no
 * or an unknown token is 401, a known token of another role is 403.
 */
public final class Authenticate implements HttpHandler {
  /** The authenticated caller, for handlers behind this one. */
  public static final AttachmentKey<Principal> PRINCIPAL = AttachmentKey.create(Principal.class);

  private final TokenRegistry tokens;
  private final Set<Role> allowed;
  private final String action;
  private final HttpHandler next;
  private final FailedAuthentications failures;

  /**
   * @param action what the guarded handler does, for the 403 message (e.g. "search subjects")
   */
  public Authenticate(TokenRegistry tokens, Set<Role> allowed, String action, HttpHandler next) {
    this(
        tokens,
        allowed,
        action,
        next,
        new FailedAuthentications(
            FailedAuthentications.DEFAULT_PER_MINUTE, java.time.Clock.systemUTC()));
  }

  /**
   * @param failures the failed authentications per client, shared by every route
   */
  public Authenticate(
      TokenRegistry tokens,
      Set<Role> allowed,
      String action,
      HttpHandler next,
      FailedAuthentications failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.allowed = Set.copyOf(allowed);
    this.action = Objects.requireNonNull(action, "action");
    this.next = Objects.requireNonNull(next, "next");
    if (this.allowed.isEmpty()) {
      throw new IllegalArgumentException("at least one role must be allowed to " + action);
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ErrorCode.UNAUTHENTICATED.exception();
    }
    String client = client(exchange);
    long wait = failures.blockedFor(client);
    if (wait > 0) {
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(wait));
      throw ErrorCode.TOO_MANY_FAILED_AUTHENTICATIONS.exception(wait);
    }
    var found = tokens.authenticate(header.substring(7).strip());
    if (found.isEmpty()) {
      failures.failed(client);
      throw ErrorCode.UNAUTHENTICATED.exception();
    }
    Principal principal = found.get();
    if (!allowed.contains(principal.role())) {
      throw ErrorCode.FORBIDDEN.exception(principal.role().id(), action);
    }
    exchange.putAttachment(PRINCIPAL, principal);
    next.handleRequest(exchange);
  }

  /** The client's address (the peer's; a proxy in front should be given its own limit). */
  public static String client(HttpServerExchange exchange) {
    var peer = exchange.getSourceAddress();
    return peer == null || peer.getAddress() == null
        ? "unknown"
        : peer.getAddress().getHostAddress();
  }

  /** The caller authenticated for this exchange. */
  public static Principal principal(HttpServerExchange exchange) {
    Principal p = exchange.getAttachment(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("handler is not behind Authenticate");
    }
    return p;
  }
}
