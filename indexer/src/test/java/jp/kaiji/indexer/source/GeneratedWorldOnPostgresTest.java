package jp.kaiji.indexer.source;

import static jp.kaiji.indexer.source.CsvSourceReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.schema.NormalizedRecord;
import jp.kaiji.schema.RecordNormalizer;
import jp.kaiji.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture generator's JDBC source (the HR database of the committed sample, a SQL script with a
 * JSON column) loaded into a real PostgreSQL server and read as an admin would map it there: the
 * same rows, the same mapped values and the same index keys as under H2, where the demo reads it.
 */
class GeneratedWorldOnPostgresTest {
  private static final Path SAMPLE = Path.of("..", "fixtures", "sample");
  private static final String SOURCE = "rext-shared-employees";

  @TempDir Path dir;

  @Test
  void theSamplesHrDatabaseGivesTheSameRecordsAndKeysOnPostgresqlAsOnH2() throws Exception {
    List<Map<String, String>> onH2 = rows(SourceCatalogs.load(SAMPLE.resolve("catalog.json")));
    assertThat(onH2).hasSizeGreaterThan(3);
    try (PostgresServer pg = PostgresServer.start()) {
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
          Statement st = c.createStatement()) {
        String script =
            Files.readString(SAMPLE.resolve("rext-shared/hr.sql"), StandardCharsets.UTF_8);
        for (String statement : script.split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            st.execute(statement);
          }
        }
      }
      List<Map<String, String>> onPostgres = rows(onPostgres(pg.jdbcUrl()));
      assertThat(onPostgres).isEqualTo(onH2);
      CatalogFile h2 = SourceCatalogs.load(SAMPLE.resolve("catalog.json"));
      SourceDefinition def = h2.source(SOURCE).orElseThrow();
      for (int i = 0; i < onH2.size(); i++) {
        NormalizedRecord a = RecordNormalizer.normalize(def.identity(), onH2.get(i));
        NormalizedRecord b = RecordNormalizer.normalize(def.identity(), onPostgres.get(i));
        assertThat(b.keys()).isEqualTo(a.keys());
        assertThat(a.keys()).isNotEmpty();
      }
    }
  }

  /**
   * The sample's catalogue with only the HR source, pointed at PostgreSQL. PostgreSQL folds the
   * script's unquoted names to lower case, so the query names its columns as the catalogue does.
   */
  private CatalogFile onPostgres(String url) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode catalog = (ObjectNode) json.readTree(SAMPLE.resolve("catalog.json").toFile());
    ArrayNode only = json.createArrayNode();
    for (var s : catalog.withArray("sources")) {
      if (s.get("id").asText().equals(SOURCE)) {
        ObjectNode jdbc = (ObjectNode) s.get("jdbc");
        jdbc.put("url", url);
        jdbc.put(
            "query",
            "SELECT emp_no AS \"EMP_NO\", family_name AS \"FAMILY_NAME\","
                + " given_name AS \"GIVEN_NAME\", family_kana AS \"FAMILY_KANA\","
                + " given_kana AS \"GIVEN_KANA\", former_family_name AS \"FORMER_FAMILY_NAME\","
                + " birth_date AS \"BIRTH_DATE\", postcode AS \"POSTCODE\", address AS \"ADDRESS\","
                + " contact AS \"CONTACT\", hired_on AS \"HIRED_ON\" FROM employee ORDER BY emp_no");
        only.add(s);
      }
    }
    catalog.set("sources", only);
    Path file = dir.resolve("catalog.json");
    json.writeValue(file.toFile(), catalog);
    return SourceCatalogs.load(file);
  }

  private static List<Map<String, String>> rows(CatalogFile catalog) throws Exception {
    SourceDefinition def = catalog.source(SOURCE).orElseThrow();
    List<Map<String, String>> out = new ArrayList<>();
    try (SourceReader r = SourceReaders.of(catalog).open(def)) {
      for (SourceItem item : readAll(r)) {
        out.add(((SourceItem.SourceRow) item).fields());
      }
    }
    return out;
  }
}
