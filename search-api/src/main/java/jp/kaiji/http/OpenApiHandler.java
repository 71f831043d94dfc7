package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** {@code GET /api/openapi.json}: the API description, served from the build. */
public final class OpenApiHandler implements HttpHandler {
  static final String RESOURCE = "openapi.json";
  private final byte[] document;

  public OpenApiHandler() {
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing beside " + OpenApiHandler.class.getName());
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(ByteBuffer.wrap(document));
  }
}
