package jp.kaiji.indexer.source;

import java.util.List;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.JdbcLocation;
import jp.kaiji.catalog.SourceDefinition;

/**
 * Opens a {@link SourceReader} for a catalogue source. An interface so that a rebuild can be given
 * readers that wrap the real ones (e.g. to stop half-way in a test).
 */
@FunctionalInterface
public interface SourceReaders {

  SourceReader open(SourceDefinition source);

  /** The readers for the catalogue's own sources: csv, jsonl, jdbc and xlsx. */
  static SourceReaders of(CatalogFile catalog) {
    return source ->
        switch (source.kind()) {
          case CSV ->
              new CsvSourceReader(source.id(), catalog.pathOf(source), catalog.charsetOf(source));
          case JSONL ->
              new JsonLinesSourceReader(
                  source.id(), catalog.pathOf(source), catalog.charsetOf(source), pointers(source));
          case JDBC -> {
            JdbcLocation j = source.jdbc().orElseThrow();
            String sql = j.query().orElseGet(() -> "SELECT * FROM " + j.table().orElseThrow());
            yield new JdbcSourceReader(
                source.id(),
                catalog.jdbcUrlOf(j),
                sql,
                j.userEnv().map(v -> env(source, v)),
                j.passwordEnv().map(v -> env(source, v)),
                pointers(source));
          }
          case XLSX -> xlsx(source, catalog.pathOf(source));
        };
  }

  /** The reader of an xlsx source whose workbook is {@code file}. */
  static SourceReader xlsx(SourceDefinition source, java.nio.file.Path file) {
    return new XlsxSourceReader(source.id(), file, source.xlsx().orElseThrow());
  }

  /** The JSON Pointers a source maps: its columns that start with {@code /}. */
  static List<String> pointers(SourceDefinition source) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    out.add(source.primaryKey());
    source.foreignKeys().forEach(fk -> out.add(fk.column()));
    if (source.identity() != null) {
      source.identity().mappedColumns().forEach(e -> out.add(e.getValue()));
    }
    return out.stream().filter(c -> c != null && c.startsWith("/")).toList();
  }

  private static String env(SourceDefinition source, String name) {
    String v = System.getenv(name);
    if (v == null) {
      throw new SourceUnavailableException(
          "source '" + source.id() + "': environment variable " + name + " is not set");
    }
    return v;
  }
}
