package jp.kaiji.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;
import jp.kaiji.search.SearchRequest;
import jp.kaiji.search.SubjectSearchService;
import jp.kaiji.service.SearchFailure;

/** {@code POST /api/subject-search}: every record of the person the form describes. */
public final class SubjectSearchHandler implements HttpHandler {
  private final SubjectSearchService service;
  private final Exchanges exchanges;

  public SubjectSearchHandler(SubjectSearchService service, Exchanges exchanges) {
    this.service = Objects.requireNonNull(service, "service");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    SearchRequest request = exchanges.readBody(exchange, SearchRequest.class);
    try {
      exchanges.send(
          exchange,
          200,
          SearchFailure.run(() -> service.search(Authenticate.principal(exchange), request)));
    } catch (SearchFailure e) {
      throw SearchFailures.toApi(e);
    }
  }
}
