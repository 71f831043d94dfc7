package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Objects;

/**
 * Headers every answer carries: answers may hold personal data, so nothing is cached, framed,
 * opened from or embedded by another origin; HSTS when served over TLS.
 */
public final class SecurityHeaders implements HttpHandler {
  /** Every powerful browser feature off: the console needs none of them. */
  static final String PERMISSIONS_POLICY =
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(),"
          + " payment=(), usb=(), display-capture=(), fullscreen=()";

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
    // No other origin may open a window onto Kaiji's or embed its answers; no powerful features.
    h.put(HttpString.tryFromString("Cross-Origin-Opener-Policy"), "same-origin");
    h.put(HttpString.tryFromString("Cross-Origin-Resource-Policy"), "same-origin");
    h.put(HttpString.tryFromString("Permissions-Policy"), PERMISSIONS_POLICY);
    if ("https".equals(exchange.getRequestScheme())) {
      // Only over TLS: a browser ignores it over plain HTTP, and loopback demos must stay usable.
      h.put(HttpString.tryFromString("Strict-Transport-Security"), "max-age=31536000");
    }
    next.handleRequest(exchange);
  }
}
