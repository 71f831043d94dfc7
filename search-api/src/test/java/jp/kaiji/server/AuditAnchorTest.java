package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import jp.kaiji.audit.AuditEvent;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.disclosure.CaseDatabases;
import jp.kaiji.disclosure.CaseStore;
import jp.kaiji.disclosure.CaseStoreTest;
import jp.kaiji.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The audit chain anchored in the request store: a log cut short, emptied or deleted behind the
 * recorded head is refused at start and reported by {@code verify-audit}; entries of a transaction
 * that never committed and a partial last line are dropped at start; a log whose store was replaced
 * by an empty one is refused.
 */
class AuditAnchorTest {
  @TempDir Path dir;

  Path log() {
    return dir.resolve("audit.log");
  }

  CaseStore store() throws SQLException {
    return CaseStore.open(CaseDatabases.sqliteUrl(dir), "", "", CaseStoreTest.CLOCK, Json.mapper());
  }

  static AuditEvent event(String action, String ref) {
    return new AuditEvent(
        "suzuki", "staff", action, Optional.of(ref), List.of(), Optional.empty(), 0);
  }

  /** Three requests created with their entries, then one plain (search) entry. */
  void writeThree() throws Exception {
    try (CaseStore store = store();
        AuditLog audit = AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store))) {
      store.journal(audit);
      for (String ref : List.of("A-1", "A-2", "A-3")) {
        assertThat(
                store.create(
                    CaseStoreTest.form(ref), "suzuki", "t", List.of(event("request.create", ref))))
            .isTrue();
      }
      audit.append(event("subject.search", "A-3"));
      assertThat(store.head()).contains(audit.head());
    }
  }

  int verifyAudit(String... args) {
    PrintStream err = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 1];
      all[0] = "verify-audit";
      System.arraycopy(args, 0, all, 1, args.length);
      return new CommandLine(new KaijiMain()).execute(all);
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void anIntactLogReachesTheRecordedHead() throws Exception {
    writeThree();
    try (CaseStore store = store()) {
      AuditLog.Verification v = AuditLog.verify(log(), store.head());
      assertThat(v.intact()).isTrue();
      assertThat(v.entries()).isEqualTo(4);
    }
    assertThat(verifyAudit("--log", log().toString())).isZero();
    try (CaseStore store = store();
        AuditLog audit = AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store))) {
      assertThat(audit.head().seq()).isEqualTo(4);
    }
  }

  @Test
  void droppingTheLastLinesIsDetected() throws Exception {
    writeThree();
    List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
    Files.write(log(), lines.subList(0, 2), StandardCharsets.UTF_8);
    try (CaseStore store = store()) {
      AuditLog.Verification v = AuditLog.verify(log(), store.head());
      assertThat(v.intact()).isFalse();
      assertThat(v.problem().orElseThrow()).contains("ends after 2 entries").contains("entry 4");
      assertThatThrownBy(() -> AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store)))
          .hasMessageContaining("entries were removed");
    }
    assertThat(AuditLog.verify(log()).intact()).as("the chain alone cannot tell").isTrue();
    assertThat(verifyAudit("--log", log().toString())).isEqualTo(1);
  }

  @Test
  void emptyingOrDeletingTheLogIsDetected() throws Exception {
    writeThree();
    Files.write(log(), new byte[0]);
    assertThat(verifyAudit("--log", log().toString())).isEqualTo(1);
    Files.delete(log());
    assertThat(verifyAudit("--log", log().toString())).isEqualTo(1);
    try (CaseStore store = store()) {
      assertThatThrownBy(() -> AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store)))
          .hasMessageContaining("ends after 0 entries");
    }
  }

  @Test
  void replacingALineAtTheHeadIsDetected() throws Exception {
    writeThree();
    List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
    // A forger rewrites the tail with a valid chain of their own: the hash at the head differs.
    try (AuditLog forged = AuditLog.open(dir.resolve("forged.log"), CaseStoreTest.CLOCK)) {
      for (int i = 0; i < 4; i++) {
        forged.append(event("subject.search", "X-" + i));
      }
    }
    Files.copy(dir.resolve("forged.log"), log(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(lines).hasSize(4);
    assertThat(AuditLog.verify(log()).intact()).isTrue();
    assertThat(verifyAudit("--log", log().toString())).isEqualTo(1);
  }

  @Test
  void entriesOfATransactionThatNeverCommittedAreDroppedAtStart() throws Exception {
    writeThree();
    // The server stops between forcing the entry and committing: the store rolls back.
    try (CaseStore store = store();
        AuditLog audit = AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store))) {
      audit.appendCommitted(
          List.of(event("request.create", "A-4")),
          new AuditLog.Transaction() {
            @Override
            public void anchor(AuditLog.Head head) {}

            @Override
            public void commit() {}
          });
    }
    assertThat(Files.readAllLines(log(), StandardCharsets.UTF_8)).hasSize(5);
    // and a write cut off in the middle of a line
    Files.writeString(log(), "{\"seq\":6,\"ti", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (CaseStore store = store()) {
      assertThat(AuditLog.verify(log(), store.head()).intact()).isTrue();
      try (AuditLog audit = AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store))) {
        assertThat(audit.head().seq()).isEqualTo(4);
      }
    }
    assertThat(Files.readAllLines(log(), StandardCharsets.UTF_8)).hasSize(4);
    assertThat(Files.readString(log(), StandardCharsets.UTF_8)).endsWith("\n");
  }

  @Test
  void aFailedCommitLeavesNoEntry() throws Exception {
    writeThree();
    long size = Files.size(log());
    try (CaseStore store = store();
        AuditLog audit = AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store))) {
      assertThatThrownBy(
              () ->
                  audit.appendCommitted(
                      List.of(event("request.create", "A-5")),
                      new AuditLog.Transaction() {
                        @Override
                        public void anchor(AuditLog.Head head) {}

                        @Override
                        public void commit() throws SQLException {
                          throw new SQLException("[SQLITE_FULL] database or disk is full");
                        }
                      }))
          .isInstanceOf(SQLException.class);
      assertThat(Files.size(log())).isEqualTo(size);
      audit.append(event("subject.search", "A-5"));
      assertThat(audit.head().seq()).isEqualTo(5);
    }
    assertThat(AuditLog.verify(log()).intact()).isTrue();
  }

  @Test
  void aLogOfChangesBesideAnEmptyStoreIsRefused() throws Exception {
    writeThree();
    for (String f : List.of("requests.db", "requests.db-wal", "requests.db-shm")) {
      Files.deleteIfExists(dir.resolve(f));
    }
    try (CaseStore store = store()) {
      assertThatThrownBy(() -> AuditLog.open(log(), CaseStoreTest.CLOCK, Optional.of(store)))
          .hasMessageContaining("the request database was deleted or replaced");
    }
  }
}
