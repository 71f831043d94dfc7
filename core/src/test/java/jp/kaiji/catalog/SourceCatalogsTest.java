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

  /** The same source as an Excel sheet (the path is only checked for existence). */
  private static final String XLSX =
      GOOD_SOURCE
          .replace("\"kind\": \"csv\"", "\"kind\": \"xlsx\"")
          .replace("\"charset\": \"Shift_JIS\",", "")
          .replace(
              "\"jointlyUsed\": true}",
              "\"jointlyUsed\": true, \"xlsx\": {\"sheet\": \"顧客\", \"headerRow\": 3}}");

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
            "unknown kind", GOOD_SOURCE.replace("\"csv\"", "\"xml\""), "unknown source kind 'xml'"),
        Arguments.of(
            "address twice",
            GOOD_SOURCE.replace(
                "\"fullName\"",
                "\"address\": \"住所\", \"addressColumns\": [\"県\", \"市\"], \"fullName\""),
            "source 'customers': identity has both address and addressColumns; give one"),
        Arguments.of(
            "postcode twice",
            GOOD_SOURCE.replace(
                "\"fullName\"", "\"postcode\": \"〒\", \"postcodeColumns\": [\"a\"], \"fullName\""),
            "source 'customers': identity has both postcode and postcodeColumns; give one"),
        Arguments.of(
            "postcode over three columns",
            GOOD_SOURCE.replace(
                "\"fullName\"", "\"postcodeColumns\": [\"a\", \"b\", \"c\"], \"fullName\""),
            "source 'customers': identity.postcodeColumns takes one column or two (the 3 and the 4"
                + " digits), got 3"),
        Arguments.of(
            "blank address column",
            GOOD_SOURCE.replace("\"fullName\"", "\"addressColumns\": [\"県\", \" \"], \"fullName\""),
            "source 'customers': identity.address names no column"),
        Arguments.of(
            "JSON Pointer in a csv source",
            GOOD_SOURCE.replace("\"fullName\": \"氏名\"", "\"fullName\": \"/name/full\""),
            "source 'customers': identity.fullName '/name/full' is a JSON Pointer; only jsonl and jdbc"
                + " sources take one (kind is csv)"),
        Arguments.of(
            "xlsx without its sheet",
            XLSX.replace(", \"xlsx\": {\"sheet\": \"顧客\", \"headerRow\": 3}", ""),
            "source 'customers': xlsx is missing (required for kind xlsx"),
        Arguments.of(
            "xlsx with a blank sheet name",
            XLSX.replace("\"sheet\": \"顧客\"", "\"sheet\": \" \""),
            "source 'customers': xlsx.sheet is missing"),
        Arguments.of(
            "xlsx header row 0",
            XLSX.replace("\"headerRow\": 3", "\"headerRow\": 0"),
            "source 'customers': xlsx.headerRow must be 1 or more, got 0"),
        Arguments.of(
            "xlsx data before its header",
            XLSX.replace("\"headerRow\": 3", "\"headerRow\": 3, \"firstDataRow\": 2"),
            "source 'customers': xlsx.firstDataRow 2 must come after the header row 3"),
        Arguments.of(
            "xlsx with a charset",
            XLSX.replace("\"kind\": \"xlsx\"", "\"kind\": \"xlsx\", \"charset\": \"UTF-8\""),
            "source 'customers': charset does not apply to kind xlsx"),
        Arguments.of(
            "a sheet on a csv source",
            GOOD_SOURCE.replace(
                "\"kind\": \"csv\"", "\"kind\": \"csv\", \"xlsx\": {\"sheet\": \"S\"}"),
            "source 'customers': xlsx is given but kind is csv"),
        Arguments.of(
            "JSON Pointer in an xlsx source",
            XLSX.replace("\"fullName\": \"氏名\"", "\"fullName\": \"/name/full\""),
            "source 'customers': identity.fullName '/name/full' is a JSON Pointer; only jsonl and"
                + " jdbc sources take one (kind is xlsx)"),
        Arguments.of(
            "an issued number without its scheme",
            GOOD_SOURCE.replace(
                "\"emails\": [\"メール\"]",
                "\"emails\": [\"メール\"], \"issuedIds\": [{\"column\": \"顧客ID\"}]"),
            "source 'customers': identity.issuedIds[0] names no scheme"),
        Arguments.of(
            "a work phone that is also a key",
            GOOD_SOURCE.replace(
                "\"emails\": [\"メール\"]", "\"emails\": [\"メール\"], \"workPhones\": [\"電話番号\"]"),
            "source 'customers': identity maps '電話番号' both as a key and as work context"),
        Arguments.of(
            "a blank sex column",
            GOOD_SOURCE.replace("\"emails\": [\"メール\"]", "\"emails\": [\"メール\"], \"sex\": \" \""),
            "source 'customers': identity.sex names no column"),
        Arguments.of(
            "unknown category",
            GOOD_SOURCE.replace("\"customer\"", "\"orders\""),
            "source 'customers': category 'orders' is neither one of the policy's"),
        Arguments.of(
            "declared category without its purpose",
            GOOD_SOURCE.replace("\"customer\"", "\"orders\"")
                + "], \"categories\": [{\"id\": \"orders\", \"label\": \"ご注文の情報\","
                + " \"obtainedBy\": \"ご注文時に\"}",
            "categories[0] 'orders': purpose is missing (the purpose of use)"));
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
  void aDeclaredCategoryCarriesItsPurposeAndHowItWasObtained() throws Exception {
    Path file = write(GOOD_SOURCE.replace("\"customer\"", "\"orders\""));
    String text = Files.readString(file);
    Files.writeString(
        file,
        text.substring(0, text.length() - 1)
            + ", \"categories\": [{\"id\": \"orders\", \"label\": \"ご注文・配送の情報\","
            + " \"purpose\": \"商品の発送\", \"obtainedBy\": \"ご注文時にご本人から\"}]}");
    DataCategory orders = SourceCatalogs.load(file).source("customers").orElseThrow().category();
    assertThat(orders.id()).isEqualTo("orders");
    assertThat(orders.japaneseLabel()).isEqualTo("ご注文・配送の情報");
    assertThat(orders.purpose()).contains("商品の発送");
    assertThat(orders.obtainedBy()).contains("ご注文時にご本人から");
    // The policy's categories stay available beside the declared ones.
    assertThat(SourceCatalogs.load(write(GOOD_SOURCE)).source("customers").orElseThrow().category())
        .isEqualTo(DataCategory.CUSTOMER);
  }

  @Test
  void aJsonPointerIsAColumnOfAJsonLinesSource() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/rides.jsonl"), "");
    Path file =
        write(
            GOOD_SOURCE
                .replace(
                    "\"kind\": \"csv\", \"path\": \"data/customers.csv\"",
                    "\"kind\": \"jsonl\", \"path\": \"data/rides.jsonl\"")
                .replace("\"charset\": \"Shift_JIS\",", "")
                .replace(
                    "\"fullName\": \"氏名\"",
                    "\"fullName\": \"/rider/name\", \"address\": \"/pickup/address\""));
    assertThat(SourceCatalogs.load(file).source("customers").orElseThrow().identity().address())
        .contains("/pickup/address");
  }

  @Test
  void anExcelSourceNamesItsSheetAndHeaderRow() throws Exception {
    SourceDefinition s = SourceCatalogs.load(write(XLSX)).source("customers").orElseThrow();
    assertThat(s.kind()).isEqualTo(SourceKind.XLSX);
    XlsxLocation x = s.xlsx().orElseThrow();
    assertThat(x.sheet()).isEqualTo("顧客");
    assertThat(x.header()).isEqualTo(3);
    assertThat(x.firstData()).isEqualTo(4);
  }

  @Test
  void aJsonPointerMayReadIntoAJsonColumnOfAJdbcSource() throws Exception {
    Path file =
        write(
            """
            {"id": "orders", "company": "rext-hd", "title": "受注", "kind": "jdbc",
             "jdbc": {"url": "jdbc:postgresql://db/sales", "table": "orders"},
             "primaryKey": "id", "identity": {"phones": ["/ship_to/contact/tel"]},
             "category": "customer", "purpose": "受注管理", "jointlyUsed": false}
            """);
    assertThat(SourceCatalogs.load(file).source("orders").orElseThrow().identity().phones())
        .containsExactly("/ship_to/contact/tel");
  }

  @Test
  void aMissingFileIsOneClearProblem() {
    assertThatThrownBy(() -> SourceCatalogs.load(dir.resolve("none.json")))
        .hasMessageContaining("no such catalogue file");
  }
}
