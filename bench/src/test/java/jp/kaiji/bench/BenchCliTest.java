package jp.kaiji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
