/**
 * Benchmarks that print medians, p99 and ratios against a baseline run in the same process: rebuild
 * ({@link jp.kaiji.bench.RebuildBench}), search in-process and over HTTP ({@link
 * jp.kaiji.bench.SearchBench}), normalizers (JMH, {@link jp.kaiji.bench.NormalizerBench}). Entry:
 * {@link jp.kaiji.bench.BenchCli}. Figures are never asserted in tests.
 */
package jp.kaiji.bench;
