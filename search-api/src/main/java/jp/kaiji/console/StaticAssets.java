package jp.kaiji.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The console's static files, read once from the jar: a fixed list, so no path from a request ever
 * reaches the class loader. Nothing is fetched from elsewhere at run time.
 */
final class StaticAssets implements HttpHandler {
  private static final Map<String, String> TYPES =
      Map.of(
          "console.css", "text/css; charset=UTF-8",
          "console.js", "text/javascript; charset=UTF-8");
  private final Map<String, byte[]> files;

  StaticAssets() {
    java.util.HashMap<String, byte[]> f = new java.util.HashMap<>();
    TYPES.keySet().forEach(name -> f.put(name, read(name)));
    this.files = Map.copyOf(f);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    String path = exchange.getRelativePath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    byte[] body = files.get(name);
    if (body == null) {
      exchange.setStatusCode(404);
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TYPES.get(name));
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticAssets.class.getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing console asset static/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
