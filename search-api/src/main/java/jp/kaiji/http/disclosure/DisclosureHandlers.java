package jp.kaiji.http.disclosure;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.disclosure.CaseStatus;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.RequestForm;
import jp.kaiji.http.Authenticate;
import jp.kaiji.http.ErrorCode;
import jp.kaiji.http.Exchanges;
import jp.kaiji.http.SearchFailures;
import jp.kaiji.service.SearchFailure;

/**
 * The disclosure request endpoints. Each handler reads its input, calls {@link DisclosureService}
 * and maps refusals to the error catalogue: unknown request 404, a transition that makes no sense
 * 409, a record not in the stored result 400 naming the field.
 */
public final class DisclosureHandlers {
  /** How many days before the due date a request counts as nearing it, unless asked otherwise. */
  public static final int DEFAULT_NEARING_DAYS = 3;

  private final DisclosureService service;
  private final Exchanges exchanges;
  private final Path packagesDir;

  /** The body of {@code POST /api/requests/{ref}/decisions}. */
  public record DecisionsBody(List<DisclosureService.DecisionInput> decisions) {
    public DecisionsBody {
      Objects.requireNonNull(decisions, "decisions");
      if (decisions.isEmpty()) {
        throw new IllegalArgumentException("decisions must hold at least one decision");
      }
      // A null entry ({"decisions":[null]}, found by HttpFuzzIT) is a bad body, not a 500.
      for (int i = 0; i < decisions.size(); i++) {
        if (decisions.get(i) == null) {
          throw new IllegalArgumentException("decisions[" + i + "] is null");
        }
      }
    }
  }

  /**
   * @param packagesDir where {@code POST /api/exports} writes packages
   */
  public DisclosureHandlers(DisclosureService service, Exchanges exchanges, Path packagesDir) {
    this.service = Objects.requireNonNull(service, "service");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
    this.packagesDir = Objects.requireNonNull(packagesDir, "packagesDir");
  }

  /** {@code POST /api/requests}: 201 with the stored request and its checks. */
  public HttpHandler create() {
    return exchange -> {
      RequestForm form = exchanges.readBody(exchange, RequestForm.class);
      var c = call(() -> service.create(Authenticate.principal(exchange), form));
      exchange.getResponseHeaders().put(Headers.LOCATION, "/api/requests/" + form.reference());
      exchanges.send(exchange, 201, CaseViews.full(c, service.today(), DEFAULT_NEARING_DAYS));
    };
  }

  /** {@code GET /api/requests?status=&nearingDays=}: requests by due date with warnings. */
  public HttpHandler list() {
    return exchange -> {
      Optional<CaseStatus> status;
      try {
        status = Exchanges.query(exchange, "status").map(CaseStatus::fromId);
      } catch (IllegalArgumentException e) {
        throw ErrorCode.BAD_PARAMETER.exception("status", e.getMessage());
      }
      int nearing =
          Exchanges.query(exchange, "nearingDays")
              .map(
                  v -> {
                    if (!v.matches("\\d{1,3}")) {
                      throw ErrorCode.BAD_PARAMETER.exception("nearingDays", "expected 0-999 days");
                    }
                    return Integer.parseInt(v);
                  })
              .orElse(DEFAULT_NEARING_DAYS);
      var cases = call(() -> service.list(Authenticate.principal(exchange), status));
      var today = service.today();
      exchanges.send(
          exchange,
          200,
          Map.of(
              "today",
              today.toString(),
              "nearingDays",
              nearing,
              "requests",
              cases.stream().map(c -> CaseViews.summary(c, today, nearing)).toList()));
    };
  }

  /** {@code GET /api/requests/{ref}}: everything about one request. */
  public HttpHandler view() {
    return exchange -> {
      var c = call(() -> service.view(Authenticate.principal(exchange), ref(exchange)));
      exchanges.send(exchange, 200, CaseViews.full(c, service.today(), DEFAULT_NEARING_DAYS));
    };
  }

  /** {@code POST /api/requests/{ref}/search}: runs and stores the request's search. */
  public HttpHandler search() {
    return exchange -> {
      exchanges.send(
          exchange,
          200,
          call(() -> service.search(Authenticate.principal(exchange), ref(exchange))));
    };
  }

  /** {@code POST /api/requests/{ref}/decisions}: accept or reject returned records. */
  public HttpHandler decide() {
    return exchange -> {
      DecisionsBody body = exchanges.readBody(exchange, DecisionsBody.class);
      var c =
          call(
              () ->
                  service.decide(
                      Authenticate.principal(exchange), ref(exchange), body.decisions()));
      exchanges.send(exchange, 200, CaseViews.decided(c));
    };
  }

  /**
   * {@code POST /api/requests/{ref}/redactions}: hide a span of a free-text field from the package.
   */
  public HttpHandler redact() {
    return exchange -> {
      var in = exchanges.readBody(exchange, DisclosureService.RedactionInput.class);
      exchanges.send(
          exchange,
          201,
          call(() -> service.redact(Authenticate.principal(exchange), ref(exchange), in)));
    };
  }

  /** {@code POST /api/requests/{ref}/ready}: close the review. */
  public HttpHandler ready() {
    return exchange -> {
      var c = call(() -> service.markReady(Authenticate.principal(exchange), ref(exchange)));
      exchanges.send(exchange, 200, CaseViews.summary(c, service.today(), DEFAULT_NEARING_DAYS));
    };
  }

  /**
   * {@code GET /api/requests/{ref}/package}: the package, by {@link
   * DisclosureService#packageBytes}'s rule (the exported archive, or while ready the same bytes
   * rendered), as the console serves it.
   */
  public HttpHandler download() {
    return exchange -> {
      String ref = ref(exchange);
      byte[] bytes =
          call(
              () ->
                  service.packageBytes(Authenticate.principal(exchange), ref, "package.download"));
      exchange.setStatusCode(200);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/zip");
      exchange
          .getResponseHeaders()
          .put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + ref + ".zip\"");
      exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    };
  }

  /** {@code POST /api/exports}: export every ready request (idempotent). */
  public HttpHandler exportReady() {
    return exchange ->
        exchanges.send(
            exchange,
            200,
            call(() -> service.exportReady(Authenticate.principal(exchange), packagesDir)));
  }

  private static String ref(HttpServerExchange exchange) {
    return Exchanges.pathParam(exchange, "ref");
  }

  interface Call<T> {
    T run() throws Exception;
  }

  /** Runs a service call, mapping its refusals to the error catalogue. */
  static <T> T call(Call<T> call) throws Exception {
    try {
      return call.run();
    } catch (DisclosureException e) {
      throw switch (e.kind()) {
        case NOT_FOUND -> ErrorCode.NOT_FOUND.exception(e.getMessage());
        case EXISTS -> ErrorCode.REQUEST_EXISTS.exception(e.getMessage());
        case INVALID_TRANSITION -> ErrorCode.INVALID_TRANSITION.exception(e.getMessage());
        case UNDECIDED -> ErrorCode.UNDECIDED_RECORDS.exception(e.getMessage());
        case PACKAGE_MISSING -> ErrorCode.PACKAGE_MISSING.exception(e.getMessage());
        case NOT_IN_RESULT ->
            ErrorCode.NOT_IN_RESULT.exceptionAt(e.field().orElse("recordId"), e.getMessage());
        case INVALID_REDACTION ->
            ErrorCode.INVALID_REDACTION.exceptionAt(e.field().orElse("body"), e.getMessage());
      };
    } catch (IllegalArgumentException e) {
      // The domain's checks start their messages with the field they are about.
      throw ErrorCode.INVALID_FIELD.exception(e.getMessage().split(" ", 2)[0], e.getMessage());
    } catch (SearchFailure e) {
      throw SearchFailures.toApi(e);
    }
  }
}
