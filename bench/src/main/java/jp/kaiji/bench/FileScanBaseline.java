package jp.kaiji.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.fixtures.evaluate.FixtureSourceReader;
import jp.kaiji.fixtures.evaluate.SourceRecord;
import jp.kaiji.normalize.Emails;
import jp.kaiji.normalize.Phones;
import jp.kaiji.query.SubjectQuery;

/**
 * Baseline (1), what a tool without an index does: for each request, read every source file and
 * keep the records whose phone or e-mail columns normalize to a phone or e-mail on the form (the
 * rules of {@link jp.kaiji.fixtures.evaluate.ExactKeyBaseline}, without its foreign-key closure,
 * which would only make it slower). Nothing is kept between requests.
 */
final class FileScanBaseline {
  private final SourceCatalog catalog;
  private final Path dir;
  private final FixtureSourceReader reader = new FixtureSourceReader();

  FileScanBaseline(SourceCatalog catalog, Path dir) {
    this.catalog = catalog;
    this.dir = dir;
  }

  /** The number of records found for {@code q}. */
  long search(SubjectQuery q) throws IOException {
    Set<String> wanted = new HashSet<>();
    for (String p : q.phones()) {
      Phones.normalize(p)
          .toOptional()
          .ifPresent(
              ph -> {
                wanted.add("tel:" + ph.e164());
                wanted.add("telsha:" + ph.sha256());
              });
    }
    for (String e : q.emails()) {
      Emails.normalize(e)
          .toOptional()
          .ifPresent(
              em -> {
                wanted.add("mail:" + em.key());
                wanted.add("mailsha:" + em.sha256());
              });
    }
    long[] found = {0};
    for (SourceDefinition s : catalog.sources()) {
      IdentityMapping m = s.identity();
      if (m.phones().isEmpty()
          && m.emails().isEmpty()
          && m.phoneSha256().isEmpty()
          && m.emailSha256().isEmpty()) {
        continue;
      }
      reader.read(
          s,
          dir,
          r -> {
            if (matches(m, r, wanted)) {
              found[0]++;
            }
          });
    }
    return found[0];
  }

  private static boolean matches(IdentityMapping m, SourceRecord r, Set<String> wanted) {
    for (String c : m.phones()) {
      String v = r.field(c);
      if (!v.isBlank()
          && Phones.normalize(v)
              .toOptional()
              .map(p -> wanted.contains("tel:" + p.e164()))
              .orElse(false)) {
        return true;
      }
    }
    for (String c : m.emails()) {
      String v = r.field(c);
      if (!v.isBlank()
          && Emails.normalize(v)
              .toOptional()
              .map(e -> wanted.contains("mail:" + e.key()))
              .orElse(false)) {
        return true;
      }
    }
    return hash(m.phoneSha256(), "telsha:", r, wanted)
        || hash(m.emailSha256(), "mailsha:", r, wanted);
  }

  private static boolean hash(
      List<String> columns, String prefix, SourceRecord r, Set<String> wanted) {
    for (String c : columns) {
      String v = r.field(c);
      if (!v.isBlank() && wanted.contains(prefix + v.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
