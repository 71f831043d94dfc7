package jp.kaiji.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request store on a real SQLite file database: migrations from empty, restarts, refused
 * schemas, round trips.
 */
public class CaseStoreTest {
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-04-01T01:02:03Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  public static RequestForm form(String ref) {
    return new RequestForm(
        ref,
        "2025-04-01",
        RequesterKind.PERSON,
        Optional.empty(),
        List.of(new IdentityDocument(DocumentKind.PASSPORT, true, Optional.of("2021-05-06"))),
        List.of(RequestedAction.DISCLOSURE),
        true,
        Delivery.ELECTRONIC,
        "2025-04-30",
        new SubjectQuery(
            Optional.of("山田 太郎"),
            Optional.empty(),
            List.of(),
            Optional.of("1975-03-05"),
            List.of(),
            List.of("090-1234-5678"),
            List.of()));
  }

  CaseStore open() throws SQLException {
    return CaseStore.open(
        CaseDatabases.sqliteUrl(dir),
        "",
        "",
        CLOCK,
        new ObjectMapper().registerModule(new Jdk8Module()));
  }

  @Test
  void migrationsRunOnAnEmptyDatabaseAndNotAgain() throws Exception {
    try (Connection c = DriverManager.getConnection(CaseDatabases.sqliteUrl(dir), "", "")) {
      assertThat(SchemaMigrations.migrate(c, CLOCK)).containsExactly(1, 2, 3, 4, 5);
      assertThat(SchemaMigrations.migrate(c, CLOCK)).isEmpty();
    }
    try (Connection c = DriverManager.getConnection(CaseDatabases.sqliteUrl(dir), "", "")) {
      assertThat(SchemaMigrations.migrate(c, CLOCK)).isEmpty();
    }
  }

  @Test
  void aChangedOrUnknownMigrationIsRefused() throws Exception {
    try (Connection c = DriverManager.getConnection(CaseDatabases.sqliteUrl(dir), "", "")) {
      SchemaMigrations.migrate(c, CLOCK);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("UPDATE schema_version SET sha256 = 'x' WHERE version = 2");
      }
      assertThatThrownBy(() -> SchemaMigrations.migrate(c, CLOCK))
          .hasMessageContaining("V2__review.sql changed after it was applied");
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "UPDATE schema_version SET sha256 = '"
                + SchemaMigrations.scripts().get(1).sha256()
                + "' WHERE version = 2");
        st.executeUpdate("INSERT INTO schema_version VALUES (99, 'future', 'y', 'now')");
      }
      assertThatThrownBy(() -> SchemaMigrations.migrate(c, CLOCK))
          .hasMessageContaining("schema version 99");
    }
  }

  @Test
  void statementsSplitAtLineEndingSemicolons() {
    assertThat(
            SchemaMigrations.statements(
                "-- note\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y INT\n);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y INT\n)");
    assertThatThrownBy(() -> SchemaMigrations.statements("CREATE TABLE a (x INT)"))
        .hasMessageContaining("without ';'");
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
      assertThat(store.references(Optional.of(CaseStatus.READY))).isEmpty();
      assertThat(store.find("R-2")).isEmpty();
    }
  }
}
