package jp.kaiji.bench;

import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@link NormalizerBench} with JMH, with few iterations by default. */
@Command(
    name = "normalizers",
    mixinStandardHelpOptions = true,
    description = "JMH throughput of each normalizer (ops/s per identifier kind).")
final class NormalizersCommand implements Callable<Integer> {
  @Option(
      names = "--warmups",
      defaultValue = "2",
      description = "warm-up iterations (default ${DEFAULT-VALUE})")
  int warmups;

  @Option(
      names = "--iterations",
      defaultValue = "3",
      description = "measured iterations (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(
      names = "--seconds",
      defaultValue = "1",
      description = "seconds per iteration (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--forks",
      defaultValue = "1",
      description = "JMH forks (default ${DEFAULT-VALUE}; 0 runs in this JVM)")
  int forks;

  @Override
  public Integer call() throws Exception {
    BenchCli.header(System.out, "normalizers");
    Options o =
        new OptionsBuilder()
            .include(NormalizerBench.class.getName())
            .warmupIterations(warmups)
            .measurementIterations(iterations)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementTime(TimeValue.seconds(seconds))
            .forks(forks)
            .threads(1)
            .build();
    new Runner(o).run();
    return 0;
  }
}
