package jp.kaiji.disclosure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.kaiji.auth.Principal;

/**
 * Kaiji's own copies of personal data beyond the group's sources: the index generations, the search
 * results frozen on requests and the exported packages. After an erasure they are purged at once
 * (every kept generation, and every request whose stored result holds an erased record); otherwise
 * a stored result and its packages are deleted once the request has been exported for the
 * configured retention period. The request's metadata, decisions, orders and the audit log's HMACs
 * stay.
 */
public final class KeptCopies {
  private final DisclosureService cases;
  private final WorkOrderService orders;
  private final IndexEraser eraser;
  private final Optional<Duration> retention;

  /** What an erasure purged. */
  public record Erasure(
      String reference,
      List<String> records,
      List<IndexEraser.Purged> generations,
      List<String> requestsPurged,
      int packagesDeleted) {}

  /** What one run of the retention rule deleted. */
  public record Retention(List<String> requestsPurged, int packagesDeleted) {}

  public KeptCopies(
      DisclosureService cases,
      WorkOrderService orders,
      IndexEraser eraser,
      Optional<Duration> retention) {
    this.cases = cases;
    this.orders = orders;
    this.eraser = eraser;
    this.retention = retention;
  }

  /**
   * Purges the records whose deletion the owners did and Kaiji verified for this request: from
   * every kept index generation, and every request's stored result and packages that hold one.
   */
  public Erasure erase(Principal who, String reference) throws DisclosureException, IOException {
    cases.get(reference);
    Map<String, Set<String>> keys = new TreeMap<>();
    Set<String> ids = new TreeSet<>();
    for (WorkOrder o : orders.orders(who, Optional.of(reference))) {
      if (o.status() != WorkOrder.Status.VERIFIED) {
        continue;
      }
      for (WorkOrder.Item i : o.items()) {
        if (i.action() == RecordAction.DELETE) {
          keys.computeIfAbsent(o.source(), s -> new TreeSet<>()).add(i.key());
          ids.add(i.recordId());
        }
      }
    }
    if (ids.isEmpty()) {
      throw new DisclosureException(
          DisclosureException.Kind.INVALID_TRANSITION,
          "request " + reference + " has no verified deletion to erase from Kaiji's copies");
    }
    List<IndexEraser.Purged> generations = eraser.purge(keys);
    Set<String> purged = new LinkedHashSet<>();
    int packages = 0;
    for (String ref : DisclosureService.db(() -> cases.store().references(Optional.empty()))) {
      DisclosureCase c = cases.get(ref);
      boolean holds =
          c.result().map(r -> r.hits().anyMatch(h -> ids.contains(h.id()))).orElse(false);
      if (holds) {
        packages += purge(who, c, "erasure");
        purged.add(ref);
      }
    }
    return new Erasure(reference, List.copyOf(ids), generations, List.copyOf(purged), packages);
  }

  /**
   * Deletes the stored result and packages of every request exported longer ago than the retention
   * period; nothing when none is configured.
   */
  public Retention applyRetention(Principal who) {
    if (retention.isEmpty()) {
      return new Retention(List.of(), 0);
    }
    Instant before = Instant.parse(cases.now()).minus(retention.get());
    List<String> purged = new ArrayList<>();
    int packages = 0;
    for (String[] row : DisclosureService.db(() -> orders.store().withResults())) {
      if (CaseStatus.fromId(row[1]) == CaseStatus.EXPORTED
          && Instant.parse(row[2]).isBefore(before)) {
        try {
          packages += purge(who, cases.get(row[0]), "retention");
          purged.add(row[0]);
        } catch (DisclosureException gone) {
          // listed a moment ago, never deleted: cannot happen while this server holds the store
        }
      }
    }
    return new Retention(purged, packages);
  }

  /** What was purged of a request: {@code what}, {@code cause}, {@code at}. */
  public List<String[]> purges(String reference) {
    return DisclosureService.db(() -> orders.store().purges(reference));
  }

  private int purge(Principal who, DisclosureCase c, String cause) {
    int deleted = 0;
    for (PackageExport e : c.exports()) {
      try {
        if (Files.deleteIfExists(Path.of(e.file()))) {
          deleted++;
        }
      } catch (IOException ex) {
        throw new StoreFailure(new java.sql.SQLException("cannot delete a package file", ex));
      }
    }
    int files = deleted;
    DisclosureService.db(
        () -> {
          orders
              .store()
              .recordPurge(
                  c.reference(),
                  true,
                  "result+packages",
                  cause,
                  cases.now(),
                  List.of(
                      DisclosureService.event(
                          who, "copies.purge." + cause, c.reference(), Optional.empty(), files)));
          return null;
        });
    return deleted;
  }
}
