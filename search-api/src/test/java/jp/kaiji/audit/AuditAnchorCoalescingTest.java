package jp.kaiji.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent appends share one anchor commit as they share one fsync, and an append still returns
 * only once the anchor holds a head at or after its own entry.
 */
class AuditAnchorCoalescingTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  /** Records every head advanced to; the first advance waits until it is let go. */
  static final class SlowAnchor implements AuditLog.Anchor {
    final List<AuditLog.Head> advanced = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Optional<AuditLog.Head> head() {
      return advanced.isEmpty() ? Optional.empty() : Optional.of(advanced.getLast());
    }

    @Override
    public void advance(AuditLog.Head head) throws InterruptedException {
      if (advanced.isEmpty()) {
        release.await(30, TimeUnit.SECONDS);
      }
      advanced.add(head);
    }
  }

  @Test
  void appendersWaitingOnOneAnchorCommitAreCoveredByTheNext() throws Exception {
    SlowAnchor anchor = new SlowAnchor();
    int appenders = 6;
    List<Long> covered = new CopyOnWriteArrayList<>();
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), clock, Optional.of(anchor))) {
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < appenders; i++) {
        int n = i;
        Thread t =
            new Thread(
                () -> {
                  long seq = log.append(event(n));
                  // When append returns, the anchor holds this entry or a later one.
                  covered.add(anchor.head().orElseThrow().seq() - seq);
                });
        threads.add(t);
        t.start();
      }
      // Every appender but the one inside the first advance waits for the anchor (blocked for
      // 200 ms on end: a wait for the fsync lock would have passed by then).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int stable = 0;
      while (stable < 40 && System.nanoTime() < deadline) {
        boolean all =
            threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count()
                == appenders - 1;
        stable = all ? stable + 1 : 0;
        Thread.sleep(5);
      }
      anchor.release.countDown();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(covered).hasSize(appenders).allMatch(d -> d >= 0);
      // The first commit, then one for all who waited: not one per append.
      assertThat(anchor.advanced).hasSize(2);
      assertThat(anchor.advanced.getLast()).isEqualTo(log.head());
      assertThat(log.head().seq()).isEqualTo(appenders);
    }
  }

  private static AuditEvent event(int n) {
    return new AuditEvent(
        "suzuki", "staff", "subject.search", Optional.of("R-" + n), List.of(), Optional.empty(), n);
  }
}
