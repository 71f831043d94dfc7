package jp.kaiji.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * This JVM's CPU by kind of thread, read from Linux's {@code /proc/self/task/<tid>/schedstat}
 * (nanoseconds on a CPU) and {@code comm} (the thread's name). The process's CPU alone cannot say
 * whether a server's CPU per search went to the searches or to the JIT compiler still compiling
 * them; {@code ThreadMXBean} does not see the compiler and GC threads. Empty where {@code /proc} is
 * not readable.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  static final String REQUESTS = "request threads";
  static final String JIT = "JIT";
  static final String GC = "GC";
  static final String OTHER = "other";

  /** The kinds, in the order they are printed. */
  static final List<String> KINDS = List.of(REQUESTS, JIT, GC, OTHER);

  /** Nanoseconds per kind, summed over this JVM's live threads (ended threads are not counted). */
  static Map<String, Long> snapshot() {
    Map<String, Long> byKind = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
          String stat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
          long nanos = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
          byKind.merge(kind(name), nanos, Long::sum);
        } catch (IOException | RuntimeException e) {
          // The thread ended between the listing and the read: it no longer counts.
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return byKind;
  }

  /** Milliseconds per kind spent between two snapshots. */
  static Map<String, Long> millisBetween(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> spent = new TreeMap<>();
    after.forEach(
        (kind, nanos) ->
            spent.put(kind, Math.max(0, nanos - before.getOrDefault(kind, 0L)) / 1_000_000));
    return spent;
  }

  /**
   * The kind of a thread by its Linux name (15 characters at most): Undertow's workers are {@code
   * XNIO-1 task-N}, HotSpot's compilers {@code C2 CompilerThre}, its collectors {@code GC Thread#N}
   * and {@code G1 ...}.
   */
  static String kind(String threadName) {
    if (threadName.startsWith("XNIO-") && threadName.contains("task")) {
      return REQUESTS;
    }
    if (threadName.contains("CompilerThre")) {
      return JIT;
    }
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
      return GC;
    }
    return OTHER;
  }
}
