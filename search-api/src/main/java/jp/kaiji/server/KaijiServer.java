package jp.kaiji.server;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry;
import jp.kaiji.http.Authenticate;
import jp.kaiji.http.ErrorCode;
import jp.kaiji.http.ErrorHandler;
import jp.kaiji.http.Exchanges;
import jp.kaiji.http.FailedAuthentications;
import jp.kaiji.http.HealthHandler;
import jp.kaiji.http.OpenApiHandler;
import jp.kaiji.http.RecordHandler;
import jp.kaiji.http.SecurityHeaders;
import jp.kaiji.http.SubjectSearchHandler;
import jp.kaiji.http.admin.AdminHandlers;
import jp.kaiji.http.disclosure.DisclosureHandlers;
import jp.kaiji.http.disclosure.OrderHandlers;
import jp.kaiji.match.lucene.LuceneSubjectIndex;
import jp.kaiji.search.SubjectSearchService;

/**
 * The HTTP server: routes, each behind authentication with the roles allowed to use it. All work
 * runs on worker threads ({@link BlockingHandler}), never on the IO threads.
 *
 * <p>The routes, also described by {@code /api/openapi.json}:
 *
 * <pre>
 * GET  /health                          anyone      liveness and serving generation
 * GET  /api/openapi.json                anyone      the API description
 * POST /api/subject-search              staff       every record of one person
 * GET  /api/records/{source}/{key}      staff       one record as its source holds it
 * POST /api/admin/rebuilds              admin       start a rebuild (202 + job)
 * GET  /api/admin/rebuilds/{id}         admin       a rebuild job's progress
 * GET  /api/admin/index                 admin       per-source counts, quarantine, generations
 * POST /api/admin/rollback              admin       serve the previous generation again
 * POST /api/requests                    staff       register a disclosure request
 * GET  /api/requests                    staff       requests by due date (?status=, nearing/overdue)
 * GET  /api/requests/{ref}              staff       one request: form, checks, result, decisions
 * POST /api/requests/{ref}/search       staff       search with the request's identifiers, store the result
 * POST /api/requests/{ref}/decisions    staff       accept or reject returned records
 * POST /api/requests/{ref}/redactions   staff       hide a span of a free-text field from the package
 * POST /api/requests/{ref}/ready        staff       close the review
 * GET  /api/requests/{ref}/package      staff, exporter  the exported archive
 * POST /api/exports                     exporter    export every ready request
 * GET  /console/...                     session     the staff console (jp.kaiji.console), HTML
 * </pre>
 */
final class KaijiServer implements AutoCloseable {
  private final Undertow undertow;

  public KaijiServer(
      ServerConfig config,
      java.util.Optional<SSLContext> tls,
      TokenRegistry tokens,
      java.util.function.Supplier<LuceneSubjectIndex.Health> health,
      SubjectSearchService search,
      AdminHandlers admin,
      DisclosureHandlers cases,
      OrderHandlers orders,
      Exchanges exchanges,
      HttpHandler console,
      FailedAuthentications failures) {
    Objects.requireNonNull(config, "config");
    config.checkListenerSafety();
    RoutingHandler routes =
        Handlers.routing()
            .get("/health", new HealthHandler(health, exchanges))
            .get("/api/openapi.json", new OpenApiHandler())
            .post(
                "/api/subject-search",
                guard(
                    failures,
                    tokens,
                    Role.STAFF,
                    "search subjects",
                    new SubjectSearchHandler(search, exchanges)))
            .get(
                "/api/records/{source}/{key}",
                guard(
                    failures,
                    tokens,
                    Role.STAFF,
                    "view records",
                    new RecordHandler(search, exchanges)))
            .post(
                "/api/admin/rebuilds",
                guard(failures, tokens, Role.ADMIN, "start rebuilds", admin.startRebuild()))
            .get(
                "/api/admin/rebuilds/{id}",
                guard(failures, tokens, Role.ADMIN, "watch rebuilds", admin.rebuildStatus()))
            .get(
                "/api/admin/index",
                guard(failures, tokens, Role.ADMIN, "read index status", admin.indexStatus()))
            .post(
                "/api/admin/rollback",
                guard(failures, tokens, Role.ADMIN, "roll back generations", admin.rollback()))
            .post(
                "/api/requests",
                guard(failures, tokens, Role.STAFF, "register requests", cases.create()))
            .get(
                "/api/requests", guard(failures, tokens, Role.STAFF, "list requests", cases.list()))
            .get(
                "/api/requests/{ref}",
                guard(failures, tokens, Role.STAFF, "view requests", cases.view()))
            .post(
                "/api/requests/{ref}/search",
                guard(failures, tokens, Role.STAFF, "search for requests", cases.search()))
            .post(
                "/api/requests/{ref}/decisions",
                guard(failures, tokens, Role.STAFF, "decide on records", cases.decide()))
            .post(
                "/api/requests/{ref}/redactions",
                guard(failures, tokens, Role.STAFF, "redact records", cases.redact()))
            .post(
                "/api/requests/{ref}/ready",
                guard(failures, tokens, Role.STAFF, "close reviews", cases.ready()))
            .get(
                "/api/requests/{ref}/package",
                new Authenticate(
                    tokens,
                    Set.of(Role.STAFF, Role.EXPORTER),
                    "download packages",
                    cases.download(),
                    failures))
            .post(
                "/api/exports",
                guard(failures, tokens, Role.EXPORTER, "export packages", cases.exportReady()))
            .post(
                "/api/requests/{ref}/actions",
                guard(failures, tokens, Role.STAFF, "decide on actions", orders.decide()))
            .get(
                "/api/requests/{ref}/actions",
                guard(failures, tokens, Role.STAFF, "view action decisions", orders.actions()))
            .post(
                "/api/requests/{ref}/orders",
                guard(failures, tokens, Role.STAFF, "issue work orders", orders.issue()))
            .get(
                "/api/requests/{ref}/orders",
                guard(failures, tokens, Role.STAFF, "view work orders", orders.ofRequest()))
            .get(
                "/api/requests/{ref}/answer",
                guard(failures, tokens, Role.STAFF, "view answer letters", orders.answer()))
            .post(
                "/api/requests/{ref}/erasure",
                guard(failures, tokens, Role.STAFF, "erase Kaiji's copies", orders.erase()))
            .get(
                "/api/orders",
                new Authenticate(
                    tokens,
                    Set.of(Role.STAFF, Role.OWNER),
                    "list work orders",
                    orders.all(),
                    failures))
            .get(
                "/api/orders/{id}",
                new Authenticate(
                    tokens,
                    Set.of(Role.STAFF, Role.OWNER),
                    "view work orders",
                    orders.one(),
                    failures))
            .get(
                "/api/orders/{id}/csv",
                new Authenticate(
                    tokens,
                    Set.of(Role.STAFF, Role.OWNER),
                    "export work orders",
                    orders.csv(),
                    failures))
            .post(
                "/api/orders/{id}/confirmation",
                guard(failures, tokens, Role.OWNER, "confirm work orders", orders.confirm()))
            .post(
                "/api/orders/{id}/verification",
                guard(failures, tokens, Role.STAFF, "verify work orders", orders.verify()))
            .post(
                "/api/admin/retention",
                guard(failures, tokens, Role.ADMIN, "apply retention", orders.retention()))
            .setFallbackHandler(
                exchange -> {
                  throw ErrorCode.NOT_FOUND.exception(
                      "route " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
                })
            .setInvalidMethodHandler(
                exchange -> {
                  throw ErrorCode.METHOD_NOT_ALLOWED.exception(exchange.getRequestMethod());
                });
    // The console has its own sign-in, error pages and Content-Security-Policy; "/" leads to it.
    HttpHandler paths =
        Handlers.path(new ErrorHandler(routes, exchanges))
            .addPrefixPath("/console", console)
            .addExactPath("/", Handlers.redirect("/console/"));
    HttpHandler root = new SecurityHeaders(new BlockingHandler(paths));
    Undertow.Builder builder =
        Undertow.builder()
            .setHandler(root)
            .setServerOption(io.undertow.UndertowOptions.ALWAYS_SET_DATE, true);
    if (tls.isPresent()) {
      builder.addHttpsListener(config.port(), config.host(), tls.get());
    } else {
      builder.addHttpListener(config.port(), config.host());
    }
    this.undertow = builder.build();
  }

  private static HttpHandler guard(
      FailedAuthentications failures,
      TokenRegistry tokens,
      Role role,
      String action,
      HttpHandler next) {
    return new Authenticate(tokens, Set.of(role), action, next, failures);
  }

  public KaijiServer start() {
    undertow.start();
    return this;
  }

  /** The bound port (useful when configured with port 0). */
  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
  }

  @Override
  public void close() {
    undertow.stop();
  }
}
