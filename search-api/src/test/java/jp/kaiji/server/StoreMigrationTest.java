package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kaiji.disclosure.CaseDatabases;
import jp.kaiji.disclosure.CaseStore;
import jp.kaiji.disclosure.CaseStoreTest;
import jp.kaiji.disclosure.Decision;
import jp.kaiji.disclosure.DisclosureCase;
import jp.kaiji.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code migrate-store}: the requests of an earlier Kaiji's H2 file move into SQLite. */
class StoreMigrationTest {
  @TempDir Path dir;

  @Test
  void requestsOfAnH2FileMoveIntoSqlite() throws Exception {
    try (CaseStore h2 =
        CaseStore.open(CaseDatabases.h2Url(dir), "", "", CaseStoreTest.CLOCK, Json.mapper())) {
      h2.create(CaseStoreTest.form("M-1"), "suzuki", "2025-04-01T01:00:00Z", List.of());
      h2.saveDecisions(
          "M-1",
          List.of(new Decision("a/1", Decision.Verdict.REJECT, "双子の兄", "suzuki", "t")),
          List.of());
    }
    assertThat(new CommandLine(new KaijiMain()).execute("migrate-store", "--data", dir.toString()))
        .isZero();
    assertThat(dir.resolve("requests.mv.db")).doesNotExist();
    assertThat(Files.exists(dir.resolve("requests.mv.db.migrated"))).isTrue();
    try (CaseStore sqlite =
        CaseStore.open(CaseDatabases.sqliteUrl(dir), "", "", CaseStoreTest.CLOCK, Json.mapper())) {
      DisclosureCase c = sqlite.find("M-1").orElseThrow();
      assertThat(c.form()).isEqualTo(CaseStoreTest.form("M-1"));
      assertThat(c.decisions()).extracting(Decision::reason).containsExactly("双子の兄");
      assertThat(c.history()).hasSize(1);
    }
  }
}
