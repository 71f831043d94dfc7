package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.search.SubjectSearchService;
import jp.kaiji.service.SearchFailure;

/** {@code GET /api/records/{source}/{key}}: one record exactly as its source holds it. */
public final class RecordHandler implements HttpHandler {
  private final SubjectSearchService service;
  private final Exchanges exchanges;

  public RecordHandler(SubjectSearchService service, Exchanges exchanges) {
    this.service = Objects.requireNonNull(service, "service");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    String source = Exchanges.pathParam(exchange, "source");
    String key = Exchanges.pathParam(exchange, "key");
    Optional<String> reference = Exchanges.query(exchange, "requestReference");
    try {
      var record =
          SearchFailure.run(
              () -> service.record(Authenticate.principal(exchange), reference, source, key));
      exchanges.send(
          exchange,
          200,
          Map.of(
              "id",
              source + "/" + key,
              "source",
              source,
              "key",
              key,
              "original",
              record.orElseThrow(
                  () -> ErrorCode.NOT_FOUND.exception("record " + source + "/" + key))));
    } catch (SearchFailure e) {
      throw SearchFailures.toApi(e);
    }
  }
}
