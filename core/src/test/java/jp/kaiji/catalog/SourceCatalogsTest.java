package jp.kaiji.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceCatalogsTest {
  @TempDir Path dir;

  private static final String COMPANIES =
      """
      "companies": [
        {"id": "buysell", "legalName": "株式会社 BuySell Technologies", "role": "group company"},
        {"id": "rext-hd", "legalName": "レクストホールディングス株式会社", "role": "parent"}
      ],
      "jointUse": {"items": ["氏名"], "companies": ["buysell", "rext-hd"], "purpose": "p", "responsibleParty": "rext-hd"},
      """;

  private static final String GOOD_SOURCE =
      """
      {"id": "customers", "company": "buysell", "title": "顧客マスタ", "kind": "csv", "path": "data/customers.csv",
       "charset": "Shift_JIS", "primaryKey": "顧客ID",
       "identity": {"fullName": "氏名", "phones": ["電話番号"], "emails": ["メール"]},
       "category": "customer", "purpose": "本人確認", "jointlyUsed": true}
      """;

  private Path write(String sources) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/customers.csv"), "顧客ID,氏名\n");
    Path file = dir.resolve("catalog.json");
    Files.writeString(file, "{" + COMPANIES + "\"sources\": [" + sources + "]}");
    return file;
  }

  @Test
  void loadsAValidCatalogueWithPathsRelativeToItsFolder() throws Exception {
    CatalogFile c =
        SourceCatalogs.load(
            write(
                GOOD_SOURCE
                    + ","
                    + """
        {"id": "orders", "company": "rext-hd", "title": "受注", "kind": "jdbc",
         "jdbc": {"url": "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '${catalogDir}/db.sql'", "table": "ORDERS", "userEnv": "DB_USER"},
         "primaryKey": "ID", "identity": {}, "foreignKeys": [{"column": "CUSTOMER_ID", "source": "customers"}],
         "category": "customer", "purpose": "受注管理", "jointlyUsed": false}
        """));
    SourceDefinition customers = c.source("customers").orElseThrow();
    assertThat(c.pathOf(customers)).isEqualTo(dir.resolve("data/customers.csv").toAbsolutePath());
    assertThat(c.charsetOf(customers).name()).isEqualTo("Shift_JIS");
    assertThat(customers.identity().phones()).containsExactly("電話番号");
    assertThat(customers.identity().mappedColumns())
        .extracting(java.util.Map.Entry::getValue)
        .containsExactly("氏名", "電話番号", "メール");
    SourceDefinition orders = c.source("orders").orElseThrow();
    assertThat(c.jdbcUrlOf(orders.jdbc().orElseThrow()))
        .isEqualTo("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '" + dir.toAbsolutePath() + "/db.sql'");
    assertThat(orders.foreignKeys()).containsExactly(new ForeignKey("CUSTOMER_ID", "customers"));
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "unknown company",
            GOOD_SOURCE.replace("\"buysell\"", "\"nosuch\""),
            "source 'customers': company 'nosuch' is not a company of the catalogue"),
        Arguments.of(
            "duplicate source id",
            GOOD_SOURCE + "," + GOOD_SOURCE,
            "source 'customers': duplicate source id"),
        Arguments.of(
            "missing path",
            GOOD_SOURCE.replace("\"path\": \"data/customers.csv\",", ""),
            "source 'customers': path is missing (required for kind csv)"),
        Arguments.of(
            "path to no file",
            GOOD_SOURCE.replace("data/customers.csv", "data/none.csv"),
            "source 'customers': path 'data/none.csv' does not exist"),
        Arguments.of(
            "missing jdbc",
            GOOD_SOURCE
                .replace(
                    "\"kind\": \"csv\", \"path\": \"data/customers.csv\",", "\"kind\": \"jdbc\",")
                .replace("\"charset\": \"Shift_JIS\",", ""),
            "source 'customers': jdbc is missing (required for kind jdbc)"),
        Arguments.of(
            "unknown charset",
            GOOD_SOURCE.replace("Shift_JIS", "NoSuchCharset-9"),
            "source 'customers': charset 'NoSuchCharset-9' is unknown"),
        Arguments.of(
            "unsupported charset",
            GOOD_SOURCE.replace("Shift_JIS", "UTF-16"),
            "source 'customers': charset 'UTF-16' is not supported"),
        Arguments.of(
            "dangling foreign key",
            GOOD_SOURCE.replace(
                "\"category\"",
                "\"foreignKeys\": [{\"column\": \"x\", \"source\": \"ghost\"}], \"category\""),
            "source 'customers': foreignKeys[0].source 'ghost' is not a source of the catalogue"),
        Arguments.of(
            "missing primary key",
            GOOD_SOURCE.replace("\"primaryKey\": \"顧客ID\",", ""),
            "source 'customers': primaryKey is missing"),
        Arguments.of(
            "unknown property",
            GOOD_SOURCE.replace("\"title\"", "\"colour\": 1, \"title\""),
            "Unrecognized field \"colour\""),
        Arguments.of(
            "unknown kind",
            GOOD_SOURCE.replace("\"csv\"", "\"xml\""),
            "unknown source kind 'xml'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void reportsEachProblemNamingTheSourceAndField(String name, String sources, String expected)
      throws Exception {
    Path file = write(sources);
    assertThatThrownBy(() -> SourceCatalogs.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(expected);
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    Path file =
        write(GOOD_SOURCE.replace("\"buysell\"", "\"nosuch\"").replace("Shift_JIS", "UTF-16"));
    assertThatThrownBy(() -> SourceCatalogs.load(file))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void aMissingFileIsOneClearProblem() {
    assertThatThrownBy(() -> SourceCatalogs.load(dir.resolve("none.json")))
        .hasMessageContaining("no such catalogue file");
  }
}
