package jp.kaiji.console;

import java.util.Objects;
import java.util.function.Supplier;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.TokenRegistry;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.indexer.IndexAdmin;
import jp.kaiji.search.SubjectSearchService;

/**
 * What the console works with: the same services and audit log as the API, called in-process with
 * the signed-in Principal (never through HTTP).
 *
 * @param disclosure the disclosure requests, when this server has them (the request pages)
 * @param orders the work orders of correction, deletion and stops (their pages), when it has them
 * @param catalog the catalogue as it serves (which columns hold which attributes, for highlighting)
 */
public record ConsoleServices(
    TokenRegistry tokens,
    SubjectSearchService search,
    IndexAdmin admin,
    AuditLog audit,
    Supplier<SourceCatalog> catalog,
    java.util.Optional<jp.kaiji.disclosure.DisclosureService> disclosure,
    java.util.Optional<jp.kaiji.disclosure.WorkOrderService> orders) {
  /** Without work orders. */
  public ConsoleServices(
      TokenRegistry tokens,
      SubjectSearchService search,
      IndexAdmin admin,
      AuditLog audit,
      Supplier<SourceCatalog> catalog,
      java.util.Optional<jp.kaiji.disclosure.DisclosureService> disclosure) {
    this(tokens, search, admin, audit, catalog, disclosure, java.util.Optional.empty());
  }

  public ConsoleServices {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(catalog, "catalog");
    disclosure = disclosure == null ? java.util.Optional.empty() : disclosure;
    orders = orders == null ? java.util.Optional.empty() : orders;
  }
}
