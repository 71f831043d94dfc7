package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import jp.kaiji.match.lucene.LuceneSubjectIndex;

/**
 * {@code GET /health}: whether the server answers and which generation serves. {@code degraded}
 * when it serves another generation than CURRENT names (CURRENT's is damaged) or a side file of the
 * serving one is lost; {@code problems} says why in file and generation names. Open to all, so it
 * says nothing about any person or source.
 */
public final class HealthHandler implements HttpHandler {
  private final Supplier<LuceneSubjectIndex.Health> health;
  private final Exchanges exchanges;

  public HealthHandler(Supplier<LuceneSubjectIndex.Health> health, Exchanges exchanges) {
    this.health = Objects.requireNonNull(health, "health");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    LuceneSubjectIndex.Health h = health.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", h.status());
    h.serving()
        .ifPresent(
            g -> {
              body.put("generation", g.id());
              body.put("builtAt", g.builtAt());
            });
    h.current().ifPresent(c -> body.put("current", c));
    if (!h.problems().isEmpty()) {
      body.put("problems", h.problems());
    }
    exchanges.send(exchange, 200, body);
  }
}
