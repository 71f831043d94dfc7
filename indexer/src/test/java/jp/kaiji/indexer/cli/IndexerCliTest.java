package jp.kaiji.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kaiji.indexer.source.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerCliTest {
  @TempDir Path dir;
  Path catalog;
  Path data;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void world() throws Exception {
    catalog = TestWorld.write(dir.resolve("world"));
    data = dir.resolve("data");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return IndexerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void rebuildStatusSyncRollback() throws Exception {
    Path reportFile = dir.resolve("report.json");
    assertThat(
            run(
                "rebuild",
                "--catalog",
                catalog.toString(),
                "--data",
                data.toString(),
                "--report",
                reportFile.toString()))
        .isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("generation").asText()).isEqualTo("gen-000001");
    assertThat(report.get("sources").get(0).get("rowsRead").asLong()).isEqualTo(5);
    assertThat(Files.readString(reportFile)).isEqualTo(out.toString().strip());
    assertThat(err.toString()).contains("customers").contains("rows/s").contains("quarantined");

    assertThat(run("rebuild", "--catalog", catalog.toString(), "--data", data.toString())).isZero();
    assertThat(run("status", "--data", data.toString())).isZero();
    JsonNode status = new ObjectMapper().readTree(out.toString());
    assertThat(status.get("current").asText()).isEqualTo("gen-000002");
    assertThat(status.get("generations")).hasSize(2);

    assertThat(
            run(
                "sync",
                "--catalog",
                catalog.toString(),
                "--data",
                data.toString(),
                "--source",
                "orders"))
        .isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("indexed").asLong()).isEqualTo(3);

    assertThat(run("rollback", "--data", data.toString())).isZero();
    assertThat(out.toString().strip()).isEqualTo("gen-000001");
    assertThat(run("rollback", "--data", data.toString())).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("kaiji-indexer: no generation older than gen-000001")
        .hasLineCount(1);
  }

  @Test
  void generationsGoWhereTheServerReadsThemAndTheOldLayoutIsReported() throws Exception {
    assertThat(run("rebuild", "--catalog", catalog.toString(), "--data", data.toString())).isZero();
    // The server with "dataDir": DATA reads DATA/index.
    assertThat(Files.readString(data.resolve("index/CURRENT")).strip()).isEqualTo("gen-000001");
    assertThat(data.resolve("CURRENT")).doesNotExist();
    // Generations built straight into DATA (an earlier indexer) are refused with the way out.
    Path old = dir.resolve("old");
    Files.createDirectories(old.resolve("gen-000001"));
    Files.writeString(old.resolve("CURRENT"), "gen-000001\n");
    assertThat(run("status", "--data", old.toString())).isEqualTo(1);
    assertThat(err.toString())
        .hasLineCount(1)
        .contains(
            old + " holds index generations directly, but they live in " + old.resolve("index"));
  }

  @Test
  void aRebuildThatCannotReadASourceFailsWithOneLineAndExitCodeOne() throws Exception {
    Files.delete(dir.resolve("world/data/orders.sql")); // the database cannot start
    assertThat(run("rebuild", "--catalog", catalog.toString(), "--data", data.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .hasLineCount(1)
        .startsWith("kaiji-indexer: rebuild failed: source 'orders': cannot query the database")
        .contains("the serving generation is unchanged");
    Files.delete(dir.resolve("world/data/contacts.jsonl"));
    assertThat(run("rebuild", "--catalog", catalog.toString(), "--data", data.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .hasLineCount(1)
        .contains("source 'contacts': path 'data/contacts.jsonl' does not exist");
    assertThat(run("status", "--data", data.toString())).isEqualTo(1);
  }

  @Test
  void validateChecksTheCatalogueAndSamplesEverySource() throws Exception {
    assertThat(run("validate", "--catalog", catalog.toString())).isZero();
    assertThat(out.toString()).contains("ok   customers: 5 rows sampled, 1 unreadable, 9 columns");
    Files.writeString(
        catalog,
        Files.readString(catalog)
            .replace(
                "\"company\": \"rext-cs\", \"title\": \"会員\"",
                "\"company\": \"ghost\", \"title\": \"会員\""));
    assertThat(run("validate", "--catalog", catalog.toString())).isEqualTo(1);
    assertThat(err.toString())
        .hasLineCount(1)
        .contains("source 'members': company 'ghost' is not a company of the catalogue");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("rebuild", "--data", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("--catalog");
    assertThat(run("nosuch")).isEqualTo(2);
  }
}
