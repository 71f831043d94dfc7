package jp.kaiji.http.admin;

import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.http.Authenticate;
import jp.kaiji.http.ErrorCode;
import jp.kaiji.http.Exchanges;
import jp.kaiji.indexer.IndexAdmin;
import jp.kaiji.match.lucene.GenerationInfo;

/**
 * The admin endpoints: start and watch rebuilds, read index status, roll back. None of them returns
 * personal data: counts, states and generation ids only.
 */
public final class AdminHandlers {
  private final IndexAdmin admin;
  private final Exchanges exchanges;
  private final AuditLog audit;

  public AdminHandlers(IndexAdmin admin, Exchanges exchanges, AuditLog audit) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** {@code POST /api/admin/rebuilds}: 202 with the job's id and where to poll it. */
  public HttpHandler startRebuild() {
    return exchange -> {
      String id;
      try {
        id = admin.startRebuild();
      } catch (IndexAdmin.BusyException e) {
        throw ErrorCode.CONFLICT.exception(e.getMessage());
      } catch (IndexAdmin.CatalogException e) {
        throw ErrorCode.INVALID_CATALOG.exception(e.getMessage());
      }
      var who = Authenticate.principal(exchange);
      audit.append(
          new AuditEvent(
              who.name(),
              who.role().id(),
              "index.rebuild",
              java.util.Optional.empty(),
              List.of(),
              java.util.Optional.of(id),
              0));
      String location = "/api/admin/rebuilds/" + id;
      exchange.getResponseHeaders().put(io.undertow.util.Headers.LOCATION, location);
      exchanges.send(exchange, 202, Map.of("job", id, "status", location));
    };
  }

  /** {@code GET /api/admin/rebuilds/{id}}: the job's state and per-source progress. */
  public HttpHandler rebuildStatus() {
    return exchange -> {
      String id = Exchanges.pathParam(exchange, "id");
      exchanges.send(
          exchange,
          200,
          admin.job(id).orElseThrow(() -> ErrorCode.NOT_FOUND.exception("rebuild job " + id)));
    };
  }

  /**
   * {@code GET /api/admin/index}: the serving generation, per-source statistics, all generations.
   */
  public HttpHandler indexStatus() {
    return exchange -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("current", admin.current().map(AdminHandlers::describe).orElse(null));
      body.put(
          "generations",
          admin.generations().stream()
              .map(g -> Map.of("id", g.id(), "builtAt", String.valueOf(g.builtAt())))
              .toList());
      exchanges.send(exchange, 200, body);
    };
  }

  /** {@code POST /api/admin/rollback}: serve the previous generation again. */
  public HttpHandler rollback() {
    return exchange -> {
      GenerationInfo now;
      try {
        now = admin.rollback();
      } catch (IOException | IllegalStateException e) {
        throw ErrorCode.CONFLICT.exception("cannot roll back: " + e.getMessage());
      }
      var who = Authenticate.principal(exchange);
      audit.append(
          new AuditEvent(
              who.name(),
              who.role().id(),
              "index.rollback",
              java.util.Optional.empty(),
              List.of(),
              java.util.Optional.of(now.id()),
              0));
      exchanges.send(exchange, 200, describe(now));
    };
  }

  private static Map<String, Object> describe(GenerationInfo g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("builtAt", g.builtAt());
    m.put("sources", g.sources().values());
    return m;
  }
}
