package jp.kaiji.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue checks of what a holding is found by ({@link LocatorMapping}), how long it is kept
 * and the files it references ({@link MediaReference}); and their resolution when loaded. Kept
 * apart from {@link SourceCatalogs} so that each stays one concept.
 */
final class HoldingChecks {
  private static final String NEEDS_START = " needs locators.start (the time it covers)";

  private HoldingChecks() {}

  static void check(CatalogFile file, SourceDefinition s, String at, List<String> problems) {
    s.retentionDays()
        .filter(d -> d < 1)
        .ifPresent(d -> problems.add(at + "retentionDays must be 1 or more, got " + d));
    s.locators().ifPresent(l -> checkLocators(l, at, problems));
    s.media().ifPresent(m -> checkMedia(file, m, at, problems));
  }

  private static void checkLocators(LocatorMapping l, String at, List<String> problems) {
    if (l.store().isEmpty() && l.phone().isEmpty() && l.cookies().isEmpty() && l.ip().isEmpty()) {
      problems.add(at + "locators names nothing to find a record by (store, phone, cookies or ip)");
    }
    if (l.start().isEmpty()) {
      // A store, a number or an address is shared by many records: only the time tells them apart.
      l.store().ifPresent(c -> problems.add(at + "locators.store" + NEEDS_START));
      l.phone().ifPresent(c -> problems.add(at + "locators.phone" + NEEDS_START));
      l.ip().ifPresent(c -> problems.add(at + "locators.ip" + NEEDS_START));
      if (l.end().isPresent() || l.durationSeconds().isPresent()) {
        problems.add(at + "locators.end and locators.durationSeconds need locators.start");
      }
    }
    if (l.end().isPresent() && l.durationSeconds().isPresent()) {
      problems.add(at + "locators has both end and durationSeconds; give one");
    }
    l.zone()
        .ifPresent(
            z -> {
              try {
                ZoneId.of(z);
              } catch (DateTimeException e) {
                problems.add(at + "locators.zone '" + z + "' is not a time zone id (Asia/Tokyo)");
              }
            });
  }

  private static void checkMedia(
      CatalogFile file, MediaReference m, String at, List<String> problems) {
    if (m.baseDir() == null || m.baseDir().isBlank()) {
      problems.add(at + "media.baseDir is missing (the folder of the referenced files)");
    } else if (!Files.isDirectory(file.dir().resolve(m.baseDir()))) {
      problems.add(
          at
              + "media.baseDir '"
              + m.baseDir()
              + "' is not a folder (resolved to "
              + file.dir().resolve(m.baseDir()).normalize()
              + ")");
    }
    String disclose = m.disclose().orElse(MediaReference.INCLUDE);
    if (!disclose.equals(MediaReference.INCLUDE) && !disclose.equals(MediaReference.DESCRIBE)) {
      problems.add(at + "media.disclose '" + disclose + "' must be include or describe");
    }
    if (disclose.equals(MediaReference.DESCRIBE)
        && m.reason().filter(r -> !r.isBlank()).isEmpty()) {
      problems.add(at + "media.reason is missing (why the file cannot be disclosed as it is)");
    }
  }

  /**
   * The catalogue with each media folder absolute (the package reads the files wherever the server
   * runs) and a locator-only source given an empty identity mapping.
   */
  static SourceCatalog resolve(SourceCatalog catalog, Path dir) {
    List<SourceDefinition> sources = new ArrayList<>(catalog.sources().size());
    for (SourceDefinition s : catalog.sources()) {
      SourceDefinition r = s;
      if (s.identity() == null) {
        r = withIdentity(s, emptyIdentity());
      }
      if (s.media().isPresent()) {
        MediaReference m = s.media().get();
        String abs = dir.resolve(m.baseDir()).toAbsolutePath().normalize().toString();
        r = r.withHoldings(r.locators(), r.retentionDays(), Optional.of(m.withBaseDir(abs)));
      }
      sources.add(r);
    }
    return new SourceCatalog(
        catalog.companies(), catalog.jointUse(), sources, catalog.categories());
  }

  private static IdentityMapping emptyIdentity() {
    return new IdentityMapping(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private static SourceDefinition withIdentity(SourceDefinition s, IdentityMapping identity) {
    return new SourceDefinition(
        s.id(),
        s.company(),
        s.title(),
        s.kind(),
        s.path(),
        s.jdbc(),
        s.charset(),
        s.primaryKey(),
        identity,
        s.foreignKeys(),
        s.category(),
        s.purpose(),
        s.jointlyUsed(),
        s.xlsx(),
        s.locators(),
        s.retentionDays(),
        s.media());
  }
}
