package jp.kaiji.indexer.cli;

import static jp.kaiji.indexer.cli.IndexerCli.JSON;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.kaiji.indexer.DataDirectory;
import jp.kaiji.indexer.cli.IndexerCli.Failure;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.GenerationIntegrity;
import jp.kaiji.match.lucene.IndexGenerations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    description =
        "Shows the serving generation and its per-source statistics, and verifies every kept"
            + " generation's checksums; exits 1 when one is damaged.")
final class StatusCommand implements Callable<Integer> {
  @Option(names = "--data", required = true)
  Path data;

  @Option(
      names = "--time-open",
      defaultValue = "0",
      description =
          "also open the current generation this many times with and without the checksum"
              + " check and print the median of each (stderr)")
  int timeOpen;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new Failure("no data directory " + data);
    }
    IndexGenerations gens = new IndexGenerations(DataDirectory.generations(data));
    GenerationInfo cur =
        gens.current()
            .orElseThrow(
                () -> new Failure("no index generation in " + data + "; run rebuild first"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("current", cur.id());
    out.put("builtAt", cur.builtAt());
    out.put("sources", cur.sources().values());
    List<GenerationInfo> all = new ArrayList<>(gens.list());
    if (all.stream().noneMatch(g -> g.id().equals(cur.id()))) {
      all.add(cur);
    }
    out.put("generations", all.stream().map(GenerationInfo::id).sorted().toList());
    Map<String, String> broken = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (GenerationInfo g : all) {
      GenerationIntegrity.problem(g.indexDir()).ifPresent(p -> broken.put(g.id(), p));
      problems.addAll(g.problems());
    }
    out.put("broken", broken);
    out.put("problems", problems);
    spec.commandLine().getOut().println(JSON.writeValueAsString(out));
    if (timeOpen > 0) {
      timeOpen(cur, spec.commandLine().getErr());
    }
    if (!broken.isEmpty()) {
      throw new Failure(
          broken.size()
              + " damaged generation(s): "
              + broken.entrySet().iterator().next().getKey()
              + (broken.containsKey(cur.id()) ? " (the current one)" : "")
              + ": "
              + broken.entrySet().iterator().next().getValue());
    }
    return 0;
  }

  /** Alternates plain and verified opens so that both see the same page cache. */
  private void timeOpen(GenerationInfo g, PrintWriter err) throws IOException {
    long[] plain = new long[timeOpen];
    long[] verified = new long[timeOpen];
    for (int i = 0; i < timeOpen; i++) {
      long t0 = System.nanoTime();
      try (var r = GenerationIntegrity.open(g.indexDir())) {
        plain[i] = System.nanoTime() - t0;
      }
      long t1 = System.nanoTime();
      try (var r = GenerationIntegrity.openVerified(g.indexDir())) {
        verified[i] = System.nanoTime() - t1;
      }
    }
    java.util.Arrays.sort(plain);
    java.util.Arrays.sort(verified);
    long bytes;
    try (var files = Files.walk(g.indexDir())) {
      bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    err.printf(
        Locale.ROOT,
        "%s (%,d bytes): median open %.1f ms without the checksum check, %.1f ms with it (%d"
            + " runs each)%n",
        g.id(),
        bytes,
        plain[timeOpen / 2] / 1e6,
        verified[timeOpen / 2] / 1e6,
        timeOpen);
    err.flush();
  }
}
