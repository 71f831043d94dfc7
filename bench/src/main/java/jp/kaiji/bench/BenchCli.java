package jp.kaiji.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bench command line: {@code rebuild}, {@code search} and {@code normalizers}. Figures go to
 * standard output as tables; progress to standard error.
 *
 * <p>{@code rebuild} and {@code search} run in a child JVM with {@code -Xmx2g} (the heap the
 * targets allow) unless already in one; {@code KAIJI_BENCH_XMX} changes the heap and {@code
 * KAIJI_BENCH_JVM_OPTS} adds options (e.g. a JFR recording).
 */
@Command(
    name = "kaiji-bench",
    mixinStandardHelpOptions = true,
    subcommands = {RebuildCommand.class, SearchCommand.class, NormalizersCommand.class},
    description =
        "Benchmarks: rebuild throughput, subject search latency, normalizer throughput, against baselines.")
public final class BenchCli {
  static final String CHILD = "kaiji.bench.child";

  public static void main(String[] args) throws Exception {
    boolean heavy = args.length > 0 && (args[0].equals("rebuild") || args[0].equals("search"));
    if (heavy && System.getProperty(CHILD) == null && !List.of(args).contains("--help")) {
      System.exit(child(args));
    }
    System.exit(new CommandLine(new BenchCli()).execute(args));
  }

  private static int child(String[] args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getenv().getOrDefault("KAIJI_BENCH_XMX", "2g"));
    cmd.add("-D" + CHILD + "=1");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    String extra = System.getenv("KAIJI_BENCH_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.strip().split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path") + File.pathSeparator + classpathOfManifest());
    cmd.add(BenchCli.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  /** With {@code java -jar}, the class path is the jar; its manifest lists lib/*.jar. */
  private static String classpathOfManifest() throws Exception {
    Path jar = Path.of(BenchCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(jar)) {
      return "";
    }
    try (var j = new java.util.jar.JarFile(jar.toFile())) {
      String cp = j.getManifest().getMainAttributes().getValue("Class-Path");
      if (cp == null) {
        return "";
      }
      List<String> out = new ArrayList<>();
      for (String e : cp.strip().split("\\s+")) {
        out.add(jar.getParent().resolve(e).toString());
      }
      return String.join(File.pathSeparator, out);
    }
  }

  /** Options both heavy commands share. */
  static final class WorldOptions {
    @Option(
        names = "--persons",
        required = true,
        description = "persons in the generated world (about 2.9 records each)")
    long persons;

    @Option(
        names = "--seed",
        defaultValue = "7",
        description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--requests",
        defaultValue = "400",
        description = "about how many requests to generate (default ${DEFAULT-VALUE})")
    int requests;

    @Option(
        names = "--cache",
        defaultValue = "${sys:java.io.tmpdir}/kaiji-bench",
        description = "where worlds and indexes are kept between runs (default ${DEFAULT-VALUE})")
    Path cache;
  }

  static void header(PrintStream out, String what) {
    Runtime rt = Runtime.getRuntime();
    out.printf(
        Locale.ROOT,
        "kaiji bench %s: %d cores, Java %s (%s), max heap %,d MB, %s %s%n",
        what,
        rt.availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() >> 20,
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }
}
