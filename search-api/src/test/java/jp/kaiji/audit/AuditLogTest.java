package jp.kaiji.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jp.kaiji.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

  private Path writeLog(int entries) throws IOException {
    Path file = dir.resolve("audit.log");
    IdentifierHasher hasher =
        new IdentifierHasher("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    try (AuditLog log = AuditLog.open(file, clock)) {
      for (int i = 0; i < entries; i++) {
        log.append(
            new AuditEvent(
                "suzuki",
                "staff",
                "subject.search",
                Optional.of("R-" + i),
                List.of(hasher.hash("phone", "+8190123456" + (10 + i))),
                Optional.empty(),
                i));
      }
    }
    return file;
  }

  @Test
  void anUntouchedLogVerifiesAndReopensWhereItEnded() throws IOException {
    Path file = writeLog(5);
    assertThat(AuditLog.verify(file).intact()).isTrue();
    assertThat(AuditLog.verify(file).entries()).isEqualTo(5);
    try (AuditLog log = AuditLog.open(file, clock)) {
      assertThat(
              log.append(
                  new AuditEvent(
                      "a",
                      "admin",
                      "index.rebuild",
                      Optional.empty(),
                      List.of(),
                      Optional.of("rebuild-1"),
                      0)))
          .isEqualTo(6);
    }
    assertThat(AuditLog.verify(file).entries()).isEqualTo(6);
    assertThat(Files.readString(file)).doesNotContain("+81901234");
  }

  @Test
  void anyChangedRemovedOrSwappedLineIsFound() throws IOException {
    long seed = testSeed.value();
    Random random = testSeed.random();
    for (int trial = 0; trial < 20; trial++) {
      Path file = writeLog(8);
      List<String> lines = new ArrayList<>(Files.readAllLines(file));
      int at = random.nextInt(lines.size());
      String how;
      switch (random.nextInt(3)) {
        case 0 -> {
          lines.set(
              at, lines.get(at).replace("\"resultCount\":" + at, "\"resultCount\":" + (at + 100)));
          how = "changed";
        }
        case 1 -> {
          lines.remove(at);
          how = "removed";
        }
        default -> {
          int other = (at + 1) % lines.size();
          String t = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, t);
          how = "swapped";
        }
      }
      Files.write(file, lines);
      AuditLog.Verification v = AuditLog.verify(file);
      boolean removedLast = how.equals("removed") && at == 7;
      if (removedLast) {
        // Truncation at the end is only visible against an anchored last hash; the chain itself is
        // intact.
        assertThat(v.entries()).as("seed %d", seed).isEqualTo(7);
      } else {
        assertThat(v.intact()).as("seed %d: line %d %s", seed, at + 1, how).isFalse();
        assertThat(v.brokenAtLine())
            .as("seed %d", seed)
            .hasValueSatisfying(l -> assertThat(l).isLessThanOrEqualTo(at + 2));
        assertThatThrownBy(() -> AuditLog.open(file, clock)).hasMessageContaining("broken at line");
      }
      Files.delete(file);
    }
  }

  @Test
  void hashesOfTheSameIdentifierCorrelateButDependOnTheSalt() {
    IdentifierHasher a = new IdentifierHasher("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    IdentifierHasher b = new IdentifierHasher("fedcba9876543210".getBytes(StandardCharsets.UTF_8));
    assertThat(a.hash("phone", "+819012345678"))
        .isEqualTo(a.hash("phone", "+819012345678"))
        .startsWith("phone:");
    assertThat(a.hash("phone", "+819012345678")).isNotEqualTo(b.hash("phone", "+819012345678"));
    assertThat(a.hash("phone", "+819012345678")).isNotEqualTo(a.hash("email", "+819012345678"));
    assertThatThrownBy(() -> new IdentifierHasher(new byte[8]))
        .hasMessageContaining("at least 16 bytes");
  }

  @Test
  void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
    Path file = dir.resolve("concurrent.log");
    int threads = 8;
    int each = 50;
    try (AuditLog log = AuditLog.open(file, clock)) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        workers.add(
            Thread.ofPlatform()
                .name("audit-writer-" + t)
                .start(
                    () -> {
                      for (int i = 0; i < each; i++) {
                        log.append(
                            new AuditEvent(
                                "staff-" + id,
                                "staff",
                                "subject.search",
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                i));
                      }
                    }));
      }
      for (Thread w : workers) {
        w.join();
      }
    }
    AuditLog.Verification v = AuditLog.verify(file);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(threads * each);
  }
}
