package jp.kaiji.console;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import jp.kaiji.auth.Principal;
import jp.kaiji.service.SearchFailure;

/**
 * One console request: the exchange, the language, the session if signed in, the form if posted.
 */
final class ConsoleRequest {
  private static final FormParserFactory FORMS =
      FormParserFactory.builder().withDefaultCharset(StandardCharsets.UTF_8.name()).build();

  final HttpServerExchange exchange;
  final Messages m;

  /** Whether the disclosure request pages exist in this build. */
  final boolean requestsEnabled;

  private final Optional<ConsoleSession> session;
  private FormData form;

  ConsoleRequest(
      HttpServerExchange exchange,
      Messages m,
      Optional<ConsoleSession> session,
      boolean requestsEnabled) {
    this.exchange = exchange;
    this.m = m;
    this.session = session;
    this.requestsEnabled = requestsEnabled;
  }

  Optional<ConsoleSession> session() {
    return session;
  }

  /** The signed-in session; only called behind a role check. */
  ConsoleSession signedIn() {
    return session.orElseThrow(() -> new IllegalStateException("page is not behind a role check"));
  }

  Principal who() {
    return signedIn().principal();
  }

  /** A form field (first value), or a query parameter for GET; empty when absent or blank. */
  Optional<String> param(String name) {
    List<String> all = params(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst()).filter(s -> !s.isBlank());
  }

  /** Every value of a form field or query parameter. */
  List<String> params(String name) {
    List<String> out = new ArrayList<>();
    FormData f = form();
    if (f != null && f.contains(name)) {
      f.get(name)
          .forEach(
              v -> {
                if (!v.isFileItem()) out.add(v.getValue());
              });
    }
    Deque<String> q = exchange.getQueryParameters().get(name);
    if (out.isEmpty() && q != null) {
      out.addAll(q);
    }
    return out;
  }

  String pathParam(String name) {
    return io.undertow.util.PathTemplateMatch.class
        .cast(exchange.getAttachment(io.undertow.util.PathTemplateMatch.ATTACHMENT_KEY))
        .getParameters()
        .get(name);
  }

  private FormData form() {
    if (form == null && exchange.getRequestMethod().equalToString("POST")) {
      try {
        FormDataParser parser = FORMS.createParser(exchange);
        form = parser == null ? new FormData(0) : parser.parseBlocking();
      } catch (IOException e) {
        form = new FormData(0);
      }
    }
    return form;
  }

  void html(int status, String page) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
    exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
  }

  void json(String body) {
    exchange.setStatusCode(StatusCodes.OK);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=UTF-8");
    exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
  }

  /** 303 See Other: the answer to every successful form post (no resubmission on reload). */
  void redirect(String location) {
    exchange.setStatusCode(StatusCodes.SEE_OTHER);
    exchange.getResponseHeaders().put(Headers.LOCATION, location);
    exchange.endExchange();
  }

  /** A page's status and message for a search that could not run. */
  record SearchProblem(int status, String message) {}

  /** The one mapping of a failed search to what every console page shows. */
  SearchProblem problem(SearchFailure f) {
    return switch (f) {
      case SearchFailure.InvalidIdentifier e ->
          new SearchProblem(400, m.t("search.invalid", e.field(), e.getMessage()));
      case SearchFailure.EmptySearch e -> new SearchProblem(400, m.t("search.empty"));
      case SearchFailure.NoIndex e -> new SearchProblem(503, m.t("search.noindex"));
    };
  }
}
