package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import jp.kaiji.match.SubjectIndex;

/**
 * {@code GET /health}: whether the server answers and which generation serves. Open to all, so it
 * says nothing about any person or source.
 */
public final class HealthHandler implements HttpHandler {
  private final SubjectIndex index;
  private final Exchanges exchanges;

  public HealthHandler(SubjectIndex index, Exchanges exchanges) {
    this.index = Objects.requireNonNull(index, "index");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Map<String, Object> body = new LinkedHashMap<>();
    var snapshot = index.acquire();
    if (snapshot.isEmpty()) {
      body.put("status", "no-index");
    } else {
      try (SubjectIndex.Snapshot s = snapshot.get()) {
        body.put("status", "ok");
        body.put("generation", s.generation().id());
        body.put("builtAt", s.generation().builtAt().toString());
      }
    }
    exchanges.send(exchange, 200, body);
  }
}
