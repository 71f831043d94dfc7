package jp.kaiji.bench;

import java.util.Arrays;

/**
 * Order statistics of repeated measurements (nanoseconds or any unit). Percentiles are
 * nearest-rank: p99 of fewer than 100 samples is the largest.
 */
public record Stats(long count, double median, double p99, double max) {

  public static Stats of(long[] samples) {
    if (samples.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] s = samples.clone();
    Arrays.sort(s);
    return new Stats(s.length, percentile(s, 50), percentile(s, 99), s[s.length - 1]);
  }

  public static Stats of(double[] samples) {
    if (samples.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] s = samples.clone();
    Arrays.sort(s);
    int m = rank(s.length, 50);
    int p = rank(s.length, 99);
    return new Stats(s.length, s[m], s[p], s[s.length - 1]);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[rank(sorted.length, p)];
  }

  /** Nearest-rank index (0-based) of percentile {@code p} among {@code n} sorted samples. */
  static int rank(int n, double p) {
    return Math.max(0, Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1));
  }

  /** Nanoseconds as milliseconds. */
  public Stats millis() {
    return new Stats(count, median / 1e6, p99 / 1e6, max / 1e6);
  }
}
