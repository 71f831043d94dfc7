package jp.kaiji.console;

import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import java.util.Optional;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.html.Html;
import jp.kaiji.http.Authenticate;

/**
 * Signing in with a token and out again. The token is posted once over the form and checked against
 * the configured hashes; the browser then holds only the session cookie.
 */
final class SignIn {
  private final Console console;

  SignIn(Console console) {
    this.console = console;
  }

  /** {@code /console/}: the first page of the signed-in role, or the sign-in form. */
  void home(ConsoleRequest r) {
    if (r.session().isEmpty()) {
      r.redirect("/console/login");
    } else if (r.who().role() == Role.ADMIN) {
      r.redirect("/console/admin");
    } else if (r.who().role() == Role.OWNER) {
      r.redirect("/console/orders");
    } else {
      r.redirect(r.requestsEnabled ? "/console/requests" : "/console/search");
    }
  }

  void form(ConsoleRequest r) {
    if (r.session().isPresent()) {
      home(r);
      return;
    }
    r.html(200, page(r, Optional.empty()));
  }

  void signIn(ConsoleRequest r) {
    // A sign-in post from another site (login CSRF) is refused. Browsers say where a post comes
    // from in Sec-Fetch-Site; Origin is "null" under Referrer-Policy no-referrer, so it decides
    // only when it names a real origin.
    String site = r.exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    String origin = r.exchange.getRequestHeaders().getFirst("Origin");
    String self = r.exchange.getRequestScheme() + "://" + r.exchange.getHostAndPort();
    boolean foreign =
        site != null
            ? !(site.equals("same-origin") || site.equals("none"))
            : origin != null && !origin.equals("null") && !origin.equals(self);
    if (foreign) {
      r.html(403, page(r, Optional.of(r.m.t("error.origin"))));
      return;
    }
    // Guessing tokens here gains nothing over the API: the same per-client limit, checked before
    // the token is even looked at.
    String client = Authenticate.client(r.exchange);
    long wait = console.failures.blockedFor(client);
    if (wait > 0) {
      r.exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(wait));
      r.html(429, page(r, Optional.of(r.m.t("signin.limited", wait))));
      return;
    }
    Optional<String> token = r.param("token").map(String::strip).filter(t -> !t.isEmpty());
    Optional<Principal> who = token.flatMap(console.services.tokens()::authenticate);
    if (who.isEmpty()) {
      if (token.isPresent()) {
        console.failures.failed(client);
      }
      r.html(401, page(r, Optional.of(r.m.t("signin.unknown"))));
      return;
    }
    if (who.get().role() == Role.EXPORTER) {
      r.html(403, page(r, Optional.of(r.m.t("signin.exporter"))));
      return;
    }
    r.session().ifPresent(old -> console.sessions.remove(old.id()));
    ConsoleSession s = console.sessions.create(who.get());
    r.exchange.setResponseCookie(Console.cookie(r.exchange, Console.COOKIE, s.id()));
    console.audit(who.get(), "console.signin", Optional.empty(), Optional.empty(), 0);
    r.redirect("/console/");
  }

  void signOut(ConsoleRequest r) {
    ConsoleSession s = r.signedIn();
    console.sessions.remove(s.id());
    Cookie gone = Console.cookie(r.exchange, Console.COOKIE, "").setMaxAge(0);
    r.exchange.setResponseCookie(gone);
    // The browser forgets what the session left behind: cached pages of records, cookies, storage.
    r.exchange
        .getResponseHeaders()
        .put(
            io.undertow.util.HttpString.tryFromString("Clear-Site-Data"),
            "\"cache\", \"cookies\", \"storage\"");
    console.audit(s.principal(), "console.signout", Optional.empty(), Optional.empty(), 0);
    r.redirect("/console/login");
  }

  private String page(ConsoleRequest r, Optional<String> error) {
    Messages m = r.m;
    Html b = new Html();
    error.ifPresent(e -> b.el("p", e, "class", "error", "id", "signin-error", "role", "alert"));
    b.raw("<form method=\"post\" action=\"/console/login\" class=\"signin\" autocomplete=\"off\">")
        .el("label", m.t("signin.token"), "for", "token")
        .raw(
            "<input type=\"password\" id=\"token\" name=\"token\" required autofocus autocomplete=\"off\" spellcheck=\"false\">")
        .el("p", m.t("signin.hint"), "class", "hint")
        .el("button", m.t("signin.submit"), "type", "submit", "id", "sign-in")
        .raw("</form>");
    return Layout.page(r, m.t("signin.title"), console.current(), b);
  }
}
