package jp.kaiji.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The one bench piece in the test suite: the bench commands run on a tiny world and print their
 * tables. It checks that the figures are there and sane, not how fast anything is.
 */
class BenchCliTest {
  @TempDir Path cache;

  private String run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code;
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      code = new CommandLine(new BenchCli()).execute(args);
    } finally {
      System.setOut(saved);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    saved.print(out);
    assertThat(code).as(out).isZero();
    return out;
  }

  @Test
  void rebuildAndSearchPrintTheirTablesOnATinyWorld() {
    String world = "--persons=200";
    String rebuild = run("rebuild", world, "--requests=20", "--runs=1", "--cache=" + cache);
    assertThat(rebuild).containsPattern("\\d+ cores");
    assertThat(rebuild)
        .contains("end-to-end throughput", "records/s", "peak heap used", "MB per million records");

    String search =
        run(
            "search",
            world,
            "--requests=20",
            "--rounds=1",
            "--warmups=2",
            "--clients=2",
            "--scan-requests=1",
            "--cache=" + cache);
    assertThat(search)
        .contains(
            "Kaiji in-process",
            "Kaiji over HTTP",
            "exact-key file scan",
            "StandardAnalyzer full text",
            "ratios");
    assertThat(search).containsPattern("Kaiji over HTTP .* 0 errors");
    // Warm-up passes are run but not timed: one sample per request of the one timed pass.
    String rows = "(\\d+) requests x 1 rounds after 2 warm-up[\\s\\S]*";
    String samples = "\\)\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\1\\s";
    assertThat(search)
        .containsPattern(rows + "Kaiji in-process \\(1 thread" + samples)
        .containsPattern(rows + "Kaiji over HTTP \\(2 clients in another JVM" + samples);
    // Every search retrieves its candidates at least once, and the counts say so.
    assertThat(search)
        .containsPattern("CPU \\d+\\.\\d\\d ms per search; index queries per search [1-9]")
        .containsPattern("records returned [1-9]");
    // The server's CPU is split by kind of thread (Linux), and the clients' CPU is their own.
    Matcher split =
        Pattern.compile(
                "server CPU \\d+\\.\\d\\d ms per search \\(request threads (\\d+\\.\\d\\d),"
                    + " JIT \\d+\\.\\d\\d, GC \\d+\\.\\d\\d, other \\d+\\.\\d\\d\\);"
                    + " clients' CPU \\d+\\.\\d\\d ms per search")
            .matcher(search);
    assertThat(split.find()).as(search).isTrue();
    assertThat(Double.parseDouble(split.group(1))).isPositive();
  }

  @Test
  void threadsAreSortedByTheirLinuxNames() {
    assertThat(ThreadCpu.kind("XNIO-1 task-12")).isEqualTo(ThreadCpu.REQUESTS);
    assertThat(ThreadCpu.kind("XNIO-1 I/O-2")).isEqualTo(ThreadCpu.OTHER);
    assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo(ThreadCpu.JIT);
    assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo(ThreadCpu.JIT);
    assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo(ThreadCpu.GC);
    assertThat(ThreadCpu.kind("G1 Conc#0")).isEqualTo(ThreadCpu.GC);
    assertThat(ThreadCpu.kind("java")).isEqualTo(ThreadCpu.OTHER);
  }

  @Test
  void threadCpuCountsThisThreadsWork() {
    Map<String, Long> before = ThreadCpu.snapshot();
    assumeFalse(before.isEmpty(), "no /proc/self/task here");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
    long spin = 0;
    while (threads.getCurrentThreadCpuTime() < until) {
      spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
    }
    assertThat(spin).isNotNegative();
    Map<String, Long> spent = ThreadCpu.millisBetween(before, ThreadCpu.snapshot());
    // This thread is named neither XNIO, compiler nor GC: its 200 ms count as "other".
    assertThat(spent.get(ThreadCpu.OTHER)).isBetween(190L, 10_000L);
  }

  @Test
  void percentilesAreNearestRank() {
    long[] samples = new long[200];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = samples.length - i; // 200 .. 1
    }
    Stats s = Stats.of(samples);
    assertThat(s.median()).isEqualTo(100);
    assertThat(s.p99()).isEqualTo(198);
    assertThat(s.max()).isEqualTo(200);
    assertThat(Stats.of(new long[] {7}).p99()).isEqualTo(7);
  }
}
