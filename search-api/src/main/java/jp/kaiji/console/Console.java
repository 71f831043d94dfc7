package jp.kaiji.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.HttpString;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.html.Html;

/**
 * The staff console, mounted under {@code /console}: server-rendered pages for compliance staff
 * (search, requests) and admins (index status, rebuilds, rollback).
 *
 * <p>Security: signing in with a token opens a server-side session whose random id is the only
 * thing the browser keeps, in an HttpOnly, SameSite=Strict cookie (Secure over TLS). Every POST
 * carries the session's synchronizer CSRF token (form field {@code csrf} or header {@code
 * X-CSRF-Token}), else 403. Roles are those of the API; an exporter cannot sign in. Pages get their
 * own Content-Security-Policy: same-origin script and style files, no inline script.
 */
public final class Console {
  /** The session cookie's name. */
  public static final String COOKIE = "kaiji_session";

  /** The cookie holding the chosen language. */
  public static final String LANG_COOKIE = "kaiji_lang";

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  private static final System.Logger LOG = System.getLogger(Console.class.getName());

  /** One page or action: what it does with the request. */
  @FunctionalInterface
  interface Page {
    void handle(ConsoleRequest r) throws Exception;

    /** A page behind the console's checks, as an Undertow handler. */
    record Wrapped(Console console, Set<Role> roles, Page page) implements HttpHandler {
      @Override
      public void handleRequest(HttpServerExchange exchange) {
        console.handle(exchange, roles, page);
      }
    }
  }

  final ConsoleServices services;
  final ConsoleSessions sessions;
  final jp.kaiji.http.FailedAuthentications failures;
  private final RoutingHandler routes = new RoutingHandler();
  private volatile boolean requestsEnabled;

  public Console(ConsoleServices services, Clock clock) {
    this(
        services,
        clock,
        new jp.kaiji.http.FailedAuthentications(
            jp.kaiji.http.FailedAuthentications.DEFAULT_PER_MINUTE, clock));
  }

  /**
   * @param failures failed sign-ins per client, shared with the API's bearer tokens: a guess counts
   *     against one budget wherever it is made
   */
  public Console(
      ConsoleServices services, Clock clock, jp.kaiji.http.FailedAuthentications failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
    this.services = Objects.requireNonNull(services, "services");
    this.sessions = new ConsoleSessions(clock);
    StaticAssets assets = new StaticAssets();
    routes.get("/static/{name}", assets);
    SignIn signIn = new SignIn(this);
    routes.get("/", wrap(Set.of(), signIn::home));
    routes.get("/login", wrap(Set.of(), signIn::form));
    routes.post("/login", wrap(Set.of(), signIn::signIn));
    routes.post("/logout", wrap(Set.of(Role.STAFF, Role.ADMIN, Role.OWNER), signIn::signOut));
    SearchPage search = new SearchPage(this);
    routes.get("/search", wrap(Set.of(Role.STAFF), search::form));
    routes.post("/search", wrap(Set.of(Role.STAFF), search::search));
    AdminPages admin = new AdminPages(this);
    routes.get("/admin", wrap(Set.of(Role.ADMIN), admin::index));
    routes.post("/admin/rebuilds", wrap(Set.of(Role.ADMIN), admin::startRebuild));
    routes.get("/admin/rebuilds/{id}", wrap(Set.of(Role.ADMIN), admin::rebuildPage));
    routes.get("/admin/rebuilds/{id}/status", wrap(Set.of(Role.ADMIN), admin::rebuildStatus));
    routes.post("/admin/rollback", wrap(Set.of(Role.ADMIN), admin::rollback));
    services
        .disclosure()
        .ifPresent(
            d -> {
              CasePages cases = new CasePages(this, d);
              routes.get("/requests", wrap(Set.of(Role.STAFF), cases::list));
              RegisterPage register = new RegisterPage(this, d);
              routes.get(
                  "/requests/" + CaseEntry.RESERVED, wrap(Set.of(Role.STAFF), register::form));
              routes.post(
                  "/requests/" + CaseEntry.RESERVED, wrap(Set.of(Role.STAFF), register::register));
              routes.get("/requests/{ref}", wrap(Set.of(Role.STAFF), cases::view));
              routes.post("/requests/{ref}/search", wrap(Set.of(Role.STAFF), cases::search));
              routes.post("/requests/{ref}/decisions", wrap(Set.of(Role.STAFF), cases::decide));
              routes.post("/requests/{ref}/redactions", wrap(Set.of(Role.STAFF), cases::redact));
              routes.post("/requests/{ref}/ready", wrap(Set.of(Role.STAFF), cases::ready));
              routes.get("/requests/{ref}/package.zip", wrap(Set.of(Role.STAFF), cases::download));
              routes.get(
                  "/requests/{ref}/package/index.html", wrap(Set.of(Role.STAFF), cases::preview));
              requestsEnabled = true;
              services.orders().ifPresent(o -> orderRoutes(new OrderPages(this, d, o)));
            });
    routes.setFallbackHandler(
        wrap(
            Set.of(),
            r -> r.html(404, Layout.page(r, r.m.t("error.notfound"), current(), new Html()))));
    routes.setInvalidMethodHandler(
        wrap(
            Set.of(),
            r -> r.html(405, Layout.page(r, r.m.t("error.method"), current(), new Html()))));
  }

  private void orderRoutes(OrderPages p) {
    Set<Role> staff = Set.of(Role.STAFF);
    Set<Role> both = Set.of(Role.STAFF, Role.OWNER);
    routes.get("/requests/{ref}/orders", wrap(staff, p::ofRequest));
    routes.post("/requests/{ref}/actions", wrap(staff, p::decide));
    routes.post("/requests/{ref}/orders", wrap(staff, p::issue));
    routes.get("/requests/{ref}/answer.html", wrap(staff, p::letter));
    routes.get("/orders", wrap(both, p::list));
    routes.get("/orders/{id}", wrap(both, p::one));
    routes.get("/orders/{id}/csv", wrap(both, p::csv));
    routes.post("/orders/{id}/confirmation", wrap(Set.of(Role.OWNER), p::confirm));
    routes.post("/orders/{id}/verification", wrap(staff, p::verify));
  }

  /** The handler to mount under {@code /console}. */
  public HttpHandler handler() {
    return exchange -> {
      exchange.getResponseHeaders().put(HttpString.tryFromString("Content-Security-Policy"), CSP);
      if (exchange.getRelativePath().isEmpty()) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(io.undertow.util.Headers.LOCATION, "/console/");
        exchange.endExchange();
        return;
      }
      routes.handleRequest(exchange);
    };
  }

  Optional<jp.kaiji.match.lucene.GenerationInfo> current() {
    return services.admin().current();
  }

  /**
   * Wraps a page with language, session, role and CSRF checks and an HTML error page. An empty
   * {@code roles} makes a public page (sign in, static, errors).
   */
  Page.Wrapped wrap(Set<Role> roles, Page page) {
    return new Page.Wrapped(this, roles, page);
  }

  void handle(HttpServerExchange exchange, Set<Role> roles, Page page) {
    Messages m = Messages.of(language(exchange));
    Optional<ConsoleSession> session =
        Optional.ofNullable(exchange.getRequestCookie(COOKIE))
            .map(Cookie::getValue)
            .flatMap(sessions::find);
    ConsoleRequest r = new ConsoleRequest(exchange, m, session, requestsEnabled);
    try {
      boolean post = exchange.getRequestMethod().equalToString("POST");
      if (!roles.isEmpty()) {
        if (session.isEmpty()) {
          if (post) {
            r.html(
                403,
                Layout.page(
                    r,
                    m.t("error.forbidden"),
                    current(),
                    new Html().el("p", m.t("error.signin"), "class", "error")));
          } else {
            r.redirect("/console/login");
          }
          return;
        }
        if (!roles.contains(session.get().principal().role())) {
          r.html(
              403,
              Layout.page(
                  r,
                  m.t("error.forbidden"),
                  current(),
                  new Html()
                      .el(
                          "p",
                          m.t("error.role", m.t("role." + session.get().principal().role().id())),
                          "class",
                          "error",
                          "id",
                          "forbidden")));
          return;
        }
        if (post && !csrfOk(r, session.get())) {
          r.html(
              403,
              Layout.page(
                  r,
                  m.t("error.forbidden"),
                  current(),
                  new Html().el("p", m.t("error.csrf"), "class", "error", "id", "csrf-refused")));
          return;
        }
      }
      page.handle(r);
    } catch (Exception e) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      // The type suffices to debug; messages may quote personal data.
      LOG.log(
          System.Logger.Level.ERROR,
          "console request "
              + reference
              + " on "
              + exchange.getRequestPath()
              + " failed: "
              + e.getClass().getName());
      if (!exchange.isResponseStarted()) {
        r.html(
            500,
            Layout.page(
                r,
                m.t("error.internal"),
                current(),
                new Html().el("p", m.t("error.reference", reference), "class", "error")));
      } else {
        exchange.endExchange();
      }
    }
  }

  private static boolean csrfOk(ConsoleRequest r, ConsoleSession s) {
    String header = r.exchange.getRequestHeaders().getFirst("X-CSRF-Token");
    if (header != null) {
      return ConsoleSessions.csrfMatches(s, header);
    }
    return ConsoleSessions.csrfMatches(s, r.param("csrf").orElse(null));
  }

  /** {@code ?lang=} switches (and is remembered in a cookie); else the cookie; else Japanese. */
  private static Messages.Lang language(HttpServerExchange exchange) {
    var q = exchange.getQueryParameters().get("lang");
    if (q != null && !q.isEmpty()) {
      Optional<Messages.Lang> l = Messages.Lang.of(q.getFirst());
      if (l.isPresent()) {
        exchange.setResponseCookie(
            cookie(exchange, LANG_COOKIE, l.get().id()).setMaxAge(365 * 24 * 3600));
        return l.get();
      }
    }
    return Optional.ofNullable(exchange.getRequestCookie(LANG_COOKIE))
        .map(Cookie::getValue)
        .flatMap(Messages.Lang::of)
        .orElse(Messages.Lang.JA);
  }

  /** A console cookie: HttpOnly, SameSite=Strict, Secure when the request came over TLS. */
  static Cookie cookie(HttpServerExchange exchange, String name, String value) {
    return new CookieImpl(name, value)
        .setPath("/console")
        .setHttpOnly(true)
        .setSameSiteMode("Strict")
        .setSecure("https".equals(exchange.getRequestScheme()));
  }

  void audit(
      Principal who,
      String action,
      Optional<String> reference,
      Optional<String> target,
      int count) {
    services
        .audit()
        .append(
            new AuditEvent(
                who.name(), who.role().id(), action, reference, List.of(), target, count));
  }
}
