package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Objects;

/** Headers every answer carries: answers may hold personal data, so nothing is cached or framed. */
public final class SecurityHeaders implements HttpHandler {
  private final HttpHandler next;

  public SecurityHeaders(HttpHandler next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    var h = exchange.getResponseHeaders();
    h.put(HttpString.tryFromString("Cache-Control"), "no-store");
    h.put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
    h.put(HttpString.tryFromString("X-Frame-Options"), "DENY");
    h.put(HttpString.tryFromString("Referrer-Policy"), "no-referrer");
    h.put(
        HttpString.tryFromString("Content-Security-Policy"),
        "default-src 'none'; frame-ancestors 'none'");
    next.handleRequest(exchange);
  }
}
