package jp.kaiji.disclosure;

import static jp.kaiji.disclosure.CaseStoreTest.CLOCK;
import static jp.kaiji.disclosure.CaseStoreTest.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import jp.kaiji.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request store on a real PostgreSQL server that the test starts: the same migrations as on
 * SQLite run from empty (once), and a request with its history and decisions survives a restart.
 */
class CaseStorePostgresTest {
  static PostgresServer pg;

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresServer.start();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE migrations");
      st.execute("CREATE DATABASE requests");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static CaseStore open() throws SQLException {
    return CaseStore.open(
        pg.jdbcUrl("requests"), "", "", CLOCK, new ObjectMapper().registerModule(new Jdk8Module()));
  }

  @Test
  void migrationsRunOnAnEmptyDatabaseAndNotAgain() throws Exception {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl("migrations"))) {
      assertThat(SchemaMigrations.migrate(c, CLOCK)).containsExactly(1, 2, 3, 4, 5);
      assertThat(SchemaMigrations.migrate(c, CLOCK)).isEmpty();
    }
  }

  @Test
  void aRequestAndItsHistorySurviveARestart() throws Exception {
    try (CaseStore store = open()) {
      assertThat(store.create(form("R-1"), "suzuki", "2025-04-01T01:00:00Z", List.of())).isTrue();
      assertThat(store.create(form("R-1"), "suzuki", "2025-04-01T01:00:00Z", List.of())).isFalse();
      assertThat(
              store.transition(
                  "R-1", CaseStatus.IN_REVIEW, CaseStatus.READY, "suzuki", "t", "n", List.of()))
          .isFalse();
      store.saveDecisions(
          "R-1",
          List.of(new Decision("a/1", Decision.Verdict.REJECT, "双子の兄", "suzuki", "t")),
          List.of());
    }
    try (CaseStore store = open()) {
      DisclosureCase c = store.find("R-1").orElseThrow();
      assertThat(c.form()).isEqualTo(form("R-1"));
      assertThat(c.status()).isEqualTo(CaseStatus.RECEIVED);
      assertThat(c.history()).extracting(StatusChange::status).containsExactly(CaseStatus.RECEIVED);
      assertThat(c.decisions()).extracting(Decision::reason).containsExactly("双子の兄");
      assertThat(store.references(Optional.of(CaseStatus.RECEIVED))).containsExactly("R-1");
      assertThat(store.references(Optional.of(CaseStatus.READY))).isEmpty();
      assertThat(store.find("R-2")).isEmpty();
    }
  }
}
