package jp.kaiji.http.disclosure;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.auth.Principal;
import jp.kaiji.disclosure.KeptCopies;
import jp.kaiji.disclosure.WorkOrder;
import jp.kaiji.disclosure.WorkOrderExport;
import jp.kaiji.disclosure.WorkOrderService;
import jp.kaiji.http.Authenticate;
import jp.kaiji.http.ErrorCode;
import jp.kaiji.http.Exchanges;

/**
 * Correction, deletion and stops beyond disclosure: action decisions on a request's records, work
 * orders for the source owners (JSON and a Japanese CSV), the owners' confirmations, Kaiji's
 * verification, the answer letter, and the purge of Kaiji's own copies. Refusals map as in {@link
 * DisclosureHandlers}.
 */
public final class OrderHandlers {
  private final WorkOrderService orders;
  private final KeptCopies copies;
  private final Exchanges exchanges;

  /** The body of {@code POST /api/requests/{ref}/actions}. */
  public record ActionsBody(List<WorkOrderService.ActionInput> actions) {
    public ActionsBody {
      Objects.requireNonNull(actions, "actions");
      if (actions.isEmpty()) {
        throw new IllegalArgumentException("actions must hold at least one decision");
      }
    }
  }

  /** The body of {@code POST /api/requests/{ref}/orders}. */
  public record IssueBody(String dueOn) {}

  public OrderHandlers(WorkOrderService orders, KeptCopies copies, Exchanges exchanges) {
    this.orders = orders;
    this.copies = copies;
    this.exchanges = exchanges;
  }

  /** {@code POST /api/requests/{ref}/actions}: decide per record and action. */
  public HttpHandler decide() {
    return exchange -> {
      ActionsBody body = exchanges.readBody(exchange, ActionsBody.class);
      String ref = ref(exchange);
      var out = DisclosureHandlers.call(() -> orders.decide(who(exchange), ref, body.actions()));
      exchanges.send(exchange, 200, Map.of("reference", ref, "actions", out));
    };
  }

  /** {@code GET /api/requests/{ref}/actions}. */
  public HttpHandler actions() {
    return exchange -> {
      String ref = ref(exchange);
      var c = DisclosureHandlers.call(() -> orders.actionsOf(who(exchange), ref));
      exchanges.send(exchange, 200, Map.of("reference", ref, "actions", c));
    };
  }

  /** {@code POST /api/requests/{ref}/orders}: one order per source, due on {@code dueOn}. */
  public HttpHandler issue() {
    return exchange -> {
      IssueBody body = exchanges.readBody(exchange, IssueBody.class);
      LocalDate due;
      try {
        due = LocalDate.parse(Objects.requireNonNull(body.dueOn(), "dueOn"));
      } catch (DateTimeParseException | NullPointerException e) {
        throw ErrorCode.INVALID_FIELD.exception("dueOn", "dueOn must be a date (yyyy-mm-dd)");
      }
      var issued = DisclosureHandlers.call(() -> orders.issue(who(exchange), ref(exchange), due));
      exchanges.send(exchange, 201, list(issued));
    };
  }

  /** {@code GET /api/requests/{ref}/orders}. */
  public HttpHandler ofRequest() {
    return exchange -> {
      String ref = ref(exchange);
      DisclosureHandlers.call(() -> orders.actionsOf(who(exchange), ref));
      exchanges.send(exchange, 200, list(orders.viewOrders(who(exchange), Optional.of(ref))));
    };
  }

  /** {@code GET /api/orders?overdue=true}: every order the caller may see, or the overdue ones. */
  public HttpHandler all() {
    return exchange -> {
      Principal who = who(exchange);
      boolean overdue =
          Exchanges.query(exchange, "overdue")
              .map(
                  v -> {
                    if (!v.equals("true") && !v.equals("false")) {
                      throw ErrorCode.BAD_PARAMETER.exception("overdue", "expected true or false");
                    }
                    return v.equals("true");
                  })
              .orElse(false);
      exchanges.send(
          exchange,
          200,
          list(overdue ? orders.overdue(who) : orders.orders(who, Optional.empty())));
    };
  }

  /** {@code GET /api/orders/{id}}: the order as JSON for its owner. */
  public HttpHandler one() {
    return exchange -> {
      WorkOrder o =
          DisclosureHandlers.call(() -> orders.view(who(exchange), id(exchange), "order.view"));
      exchanges.send(exchange, 200, view(o));
    };
  }

  /** {@code GET /api/orders/{id}/csv}: the order as an Excel-ready CSV in Japanese. */
  public HttpHandler csv() {
    return exchange -> {
      WorkOrder o =
          DisclosureHandlers.call(
              () -> orders.view(who(exchange), id(exchange), "order.export.csv"));
      byte[] bytes = WorkOrderExport.csv(o, orders.catalog());
      exchange.setStatusCode(200);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/csv; charset=utf-8");
      exchange
          .getResponseHeaders()
          .put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + o.id() + ".csv\"");
      exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    };
  }

  /** {@code POST /api/orders/{id}/confirmation}: the owner says done, or refuses with a reason. */
  public HttpHandler confirm() {
    return exchange -> {
      var in = exchanges.readBody(exchange, WorkOrderService.Confirmation.class);
      if (in.status() == null) {
        throw ErrorCode.INVALID_FIELD.exception("status", "status is required: done or refused");
      }
      WorkOrder o = DisclosureHandlers.call(() -> orders.confirm(who(exchange), id(exchange), in));
      exchanges.send(exchange, 200, view(o));
    };
  }

  /** {@code POST /api/orders/{id}/verification}: re-read the source and check the order. */
  public HttpHandler verify() {
    return exchange -> {
      WorkOrder o = DisclosureHandlers.call(() -> orders.verify(who(exchange), id(exchange)));
      exchanges.send(exchange, 200, view(o));
    };
  }

  /** {@code GET /api/requests/{ref}/answer}: the answer letter, HTML for A4. */
  public HttpHandler answer() {
    return exchange -> {
      String html = DisclosureHandlers.call(() -> orders.answer(who(exchange), ref(exchange)));
      exchange.setStatusCode(200);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
      exchange.getResponseSender().send(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)));
    };
  }

  /** {@code POST /api/requests/{ref}/erasure}: purge verified deletions from Kaiji's copies. */
  public HttpHandler erase() {
    return exchange ->
        exchanges.send(
            exchange,
            200,
            DisclosureHandlers.call(() -> copies.erase(who(exchange), ref(exchange))));
  }

  /** {@code POST /api/admin/retention}: delete stored results and packages past retention. */
  public HttpHandler retention() {
    return exchange ->
        exchanges.send(
            exchange, 200, DisclosureHandlers.call(() -> copies.applyRetention(who(exchange))));
  }

  private Map<String, Object> list(List<WorkOrder> os) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("today", orders.today().toString());
    m.put("orders", os.stream().map(this::view).toList());
    return m;
  }

  private Map<String, Object> view(WorkOrder o) {
    Map<String, Object> m = WorkOrderExport.json(o, orders.catalog());
    m.put("overdue", o.overdue(orders.today()));
    return m;
  }

  private static Principal who(HttpServerExchange exchange) {
    return Authenticate.principal(exchange);
  }

  private static String ref(HttpServerExchange exchange) {
    return Exchanges.pathParam(exchange, "ref");
  }

  private static String id(HttpServerExchange exchange) {
    return Exchanges.pathParam(exchange, "id");
  }
}
