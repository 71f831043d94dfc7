package jp.kaiji.catalog;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, structurally valid catalogue and the folder its relative paths start from.
 *
 * @param catalog the catalogue
 * @param file the catalogue file
 */
public record CatalogFile(SourceCatalog catalog, Path file) {
  public CatalogFile {
    Objects.requireNonNull(catalog, "catalog");
    file = file.toAbsolutePath().normalize();
  }

  /** The folder relative paths and {@code ${catalogDir}} refer to. */
  public Path dir() {
    return file.getParent();
  }

  public Optional<SourceDefinition> source(String id) {
    return catalog.sources().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Company> company(String id) {
    return catalog.companies().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The file of a csv or jsonl source, resolved against the catalogue's folder. */
  public Path pathOf(SourceDefinition source) {
    return dir()
        .resolve(
            source
                .path()
                .orElseThrow(
                    () -> new IllegalArgumentException("source '" + source.id() + "' has no path")))
        .normalize();
  }

  /** The charset of a file source; UTF-8 when the catalogue names none. */
  public Charset charsetOf(SourceDefinition source) {
    return source.charset().map(Charset::forName).orElse(StandardCharsets.UTF_8);
  }

  /**
   * The JDBC URL with {@code ${catalogDir}} replaced by the catalogue's folder (forward slashes).
   */
  public String jdbcUrlOf(JdbcLocation jdbc) {
    return jdbc.url().replace("${catalogDir}", dir().toString().replace('\\', '/'));
  }
}
