package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns every failure into a JSON error from the {@link ErrorCode} catalogue. Unexpected exceptions
 * are logged with a reference and answered with that reference only: no stack trace or exception
 * message (which may quote input) reaches the client.
 */
public final class ErrorHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ErrorHandler.class.getName());

  private final HttpHandler next;
  private final Exchanges exchanges;

  public ErrorHandler(HttpHandler next, Exchanges exchanges) {
    this.next = Objects.requireNonNull(next, "next");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    try {
      next.handleRequest(exchange);
    } catch (ApiException e) {
      send(exchange, e);
    } catch (Exception e) {
      if (jp.kaiji.audit.StorageFull.causedBy(e)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "request on " + exchange.getRequestPath() + " refused: the disk is full");
        send(exchange, ErrorCode.INSUFFICIENT_STORAGE.exception());
        return;
      }
      String reference = UUID.randomUUID().toString().substring(0, 8);
      // The exception type and the stack suffice to debug; messages may quote personal data.
      LOG.log(
          System.Logger.Level.ERROR,
          "request "
              + reference
              + " on "
              + exchange.getRequestPath()
              + " failed: "
              + e.getClass().getName(),
          stackOnly(e));
      send(exchange, ErrorCode.INTERNAL.exception(reference));
    }
  }

  private void send(HttpServerExchange exchange, ApiException e) {
    if (exchange.isResponseStarted()) {
      exchange.endExchange();
      return;
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code().id());
    error.put("status", e.code().status());
    error.put("message", e.getMessage());
    e.field().ifPresent(f -> error.put("field", f));
    if (!e.unusable().isEmpty()) {
      error.put("unusableIdentifiers", e.unusable());
    }
    if (e.code() == ErrorCode.UNAUTHENTICATED) {
      exchange
          .getResponseHeaders()
          .put(io.undertow.util.Headers.WWW_AUTHENTICATE, "Bearer realm=\"kaiji\"");
    }
    exchanges.send(exchange, e.code().status(), Map.of("error", error));
  }

  private static Throwable stackOnly(Throwable e) {
    Throwable copy = new Throwable(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
