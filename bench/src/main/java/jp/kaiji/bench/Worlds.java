package jp.kaiji.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import jp.kaiji.fixtures.generate.WorldGenerator;

/**
 * Generated worlds kept in a cache folder between runs: {@code CACHE/world-<persons>-s<seed>/}. A
 * world counts as complete once its {@code .complete} marker exists, so an interrupted generation
 * is redone rather than reused.
 */
final class Worlds {
  private Worlds() {}

  static Path world(Path cache, long persons, long seed, int requests, PrintStream log)
      throws IOException {
    Path dir = cache.resolve("world-" + persons + "-s" + seed + "-r" + requests);
    Path marker = dir.resolve(".complete");
    if (Files.exists(marker)) {
      log.printf(Locale.ROOT, "reusing world %s%n", dir);
      return dir;
    }
    deleteTree(dir);
    long t0 = System.nanoTime();
    WorldGenerator.Summary s = new WorldGenerator(seed, persons, requests).generate(dir);
    Files.writeString(marker, "");
    log.printf(
        Locale.ROOT,
        "generated %,d persons, %,d records, %,d requests in %.1f s into %s%n",
        s.persons(),
        s.records(),
        s.requests(),
        (System.nanoTime() - t0) / 1e9,
        dir);
    return dir;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
