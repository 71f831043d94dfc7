package jp.kaiji.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.kaiji.catalog.CatalogException;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.DataDirectory;
import jp.kaiji.indexer.OpenSearchRebuild;
import jp.kaiji.indexer.OpenSearchSync;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.indexer.RebuildReport;
import jp.kaiji.indexer.SourceProgress;
import jp.kaiji.indexer.SourceSync;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.indexer.source.SourceSampler;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.GenerationIntegrity;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.IndexConfig;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The indexer's command line. Exit codes: 0 done, 1 failed (one line on stderr says why), 2 usage
 * error. Machine-readable results (JSON) go to stdout, progress to stderr.
 */
@Command(
    name = "kaiji-indexer",
    mixinStandardHelpOptions = true,
    description = "Builds and maintains the Kaiji record index from the source catalogue.",
    subcommands = {
      IndexerCli.Rebuild.class,
      IndexerCli.Sync.class,
      IndexerCli.Status.class,
      IndexerCli.Validate.class,
      IndexerCli.Rollback.class
    })
public final class IndexerCli {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A failure whose message is the one line to show. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  public static void main(String[] args) {
    // Console output in the console's own charset (System.console's, else the JVM's stdout
    // encoding).
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true),
            new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true)));
  }

  /** Runs a command with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new IndexerCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          String msg =
              e instanceof Failure || e instanceof CatalogException
                  ? e.getMessage()
                  : e.getClass().getSimpleName() + ": " + e.getMessage();
          err.println("kaiji-indexer: " + msg.replace('\n', ' '));
          return 1;
        });
    if (args.length == 0) {
      cli.usage(err);
      return 2;
    }
    return cli.execute(args);
  }

  static CatalogFile catalog(Path file) throws CatalogException {
    return SourceCatalogs.load(file);
  }

  @Command(
      name = "rebuild",
      description = "Reads every source into a new index generation and switches it in.")
  static final class Rebuild implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "the catalogue JSON file")
    Path catalog;

    @Option(
        names = "--data",
        required = true,
        description = "the data directory (the server's dataDir); generations go to DATA/index")
    Path data;

    @Option(
        names = "--keep",
        defaultValue = "3",
        description = "complete generations kept for rollback (default ${DEFAULT-VALUE})")
    int keep;

    @Option(
        names = "--threads",
        defaultValue = "2",
        description = "indexing workers (default ${DEFAULT-VALUE})")
    int threads;

    @Option(
        names = "--ram-mb",
        defaultValue = "256",
        description = "IndexWriter RAM buffer in MB (default ${DEFAULT-VALUE})")
    double ramMb;

    @Option(
        names = "--segments",
        defaultValue = "0",
        description =
            "segments a finished generation is merged down to; 0 leaves them as written (default"
                + " ${DEFAULT-VALUE}). One segment: cheaper typical searches, a longer rebuild,"
                + " slower erasures")
    int segments;

    @Option(
        names = "--progress-seconds",
        defaultValue = "2",
        description = "seconds between progress lines (default ${DEFAULT-VALUE})")
    double every;

    @Option(names = "--report", description = "also write the report JSON to this file")
    Path report;

    @Option(
        names = "--config",
        description =
            "a configuration file (the server's) whose \"index\" says where the index lives;"
                + " with kind opensearch the generation is built on that cluster")
    Path config;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      CatalogFile cat = catalog(catalog);
      IndexConfig where = config == null ? IndexConfig.EMBEDDED : IndexConfig.load(config);
      if (where.isOpenSearch()) {
        return onOpenSearch(cat, where);
      }
      IndexGenerations gens = new IndexGenerations(DataDirectory.generations(data), keep);
      RebuildJob job =
          new RebuildJob(
              cat, gens, SourceReaders.of(cat), new RebuildJob.Options(threads, ramMb, segments));
      Thread t = new Thread(job, "kaiji-rebuild");
      t.start();
      PrintWriter err = spec.commandLine().getErr();
      long waitMillis = Math.max(100, (long) (every * 1000));
      while (t.isAlive()) {
        t.join(waitMillis);
        if (t.isAlive()) {
          printProgress(err, job.progress(), false);
        }
      }
      RebuildJob.Progress end = job.progress();
      if (end.state() != RebuildJob.State.SUCCEEDED) {
        throw new Failure(
            "rebuild "
                + end.state().name().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + end.message().orElse("")
                + "; the serving generation is unchanged");
      }
      printProgress(err, end, true);
      String json = JSON.writeValueAsString(end.report().orElseThrow());
      if (report != null) {
        Files.writeString(report, json);
      }
      spec.commandLine().getOut().println(json);
      return 0;
    }

    /** The same sources into a new index on the cluster; the alias moves once it checks out. */
    private int onOpenSearch(CatalogFile cat, IndexConfig where) throws Exception {
      OpenSearchSettings settings = where.settings(System.getenv());
      RebuildReport r;
      try (Cluster cluster = Cluster.connect(settings)) {
        try {
          r =
              new OpenSearchRebuild(
                      cat,
                      new OpenSearchGenerations(cluster, settings),
                      SourceReaders.of(cat),
                      data.resolve("opensearch"),
                      threads)
                  .run();
        } catch (java.io.IOException e) {
          throw new Failure(
              "rebuild failed: "
                  + e.getMessage()
                  + "; the alias "
                  + settings.alias()
                  + " is unchanged");
        }
      }
      String json = JSON.writeValueAsString(r);
      if (report != null) {
        Files.writeString(report, json);
      }
      spec.commandLine().getOut().println(json);
      return 0;
    }

    private static void printProgress(PrintWriter err, RebuildJob.Progress p, boolean all) {
      if (!all && p.sources().stream().noneMatch(s -> s.state() == SourceProgress.State.READING)) {
        boolean anyWaiting =
            p.sources().stream().anyMatch(s -> s.state() == SourceProgress.State.WAITING);
        err.println(
            p.generation().orElse("-")
                + (anyWaiting
                    ? " opening the next source"
                    : " committing and checking the new generation"));
        err.flush();
        return;
      }
      for (SourceProgress.Snapshot s : p.sources()) {
        if (all
            ? s.state() != SourceProgress.State.WAITING
            : s.state() == SourceProgress.State.READING) {
          err.printf(
              Locale.ROOT,
              "%s %-28s %-7s rows %,d  %,.0f rows/s  quarantined %,d%n",
              p.generation().orElse("-"),
              s.source(),
              s.state().name().toLowerCase(java.util.Locale.ROOT),
              s.rowsRead(),
              s.rowsPerSecond(),
              s.quarantined());
        }
      }
      err.flush();
    }
  }

  @Command(name = "sync", description = "Re-reads one source into the serving generation.")
  static final class Sync implements Callable<Integer> {
    @Option(names = "--catalog", required = true)
    Path catalog;

    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--source", required = true, description = "the source id")
    String source;

    @Option(
        names = "--config",
        description = "a configuration file whose \"index\" says where the index lives")
    Path config;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      CatalogFile cat = catalog(catalog);
      if (cat.source(source).isEmpty()) {
        throw new Failure("no source '" + source + "' in " + catalog);
      }
      IndexConfig where = config == null ? IndexConfig.EMBEDDED : IndexConfig.load(config);
      if (where.isOpenSearch()) {
        OpenSearchSettings settings = where.settings(System.getenv());
        try (Cluster cluster = Cluster.connect(settings)) {
          SourceStats stats =
              new OpenSearchSync(cat, new OpenSearchGenerations(cluster, settings), data)
                  .resync(source);
          spec.commandLine().getOut().println(JSON.writeValueAsString(stats));
        }
        return 0;
      }
      IndexGenerations gens = new IndexGenerations(DataDirectory.generations(data));
      try {
        SourceStats stats = new SourceSync(cat, gens).resync(source);
        spec.commandLine().getOut().println(JSON.writeValueAsString(stats));
      } catch (jp.kaiji.indexer.source.SourceUnavailableException e) {
        throw new Failure(
            "sync failed: " + e.getMessage() + "; the source keeps its previous documents");
      }
      return 0;
    }
  }

  @Command(
      name = "status",
      description =
          "Shows the serving generation and its per-source statistics, and verifies every kept"
              + " generation's checksums; exits 1 when one is damaged.")
  static final class Status implements Callable<Integer> {
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

  @Command(
      name = "validate",
      description = "Checks the catalogue and samples each source's first rows, without indexing.")
  static final class Validate implements Callable<Integer> {
    @Option(names = "--catalog", required = true)
    Path catalog;

    @Option(
        names = "--rows",
        defaultValue = "100",
        description = "rows sampled per source (default ${DEFAULT-VALUE})")
    int rows;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      CatalogFile cat = catalog(catalog);
      SourceReaders readers = SourceReaders.of(cat);
      List<String> problems = new ArrayList<>();
      for (SourceDefinition s : cat.catalog().sources()) {
        SourceSampler.Sample sample = SourceSampler.sample(s, readers, rows);
        problems.addAll(sample.problems());
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "%s %s: %d rows sampled, %d unreadable, %d columns%n",
                sample.problems().isEmpty() ? "ok  " : "FAIL",
                s.id(),
                sample.rowsSampled(),
                sample.malformed(),
                sample.columns().size());
      }
      if (!problems.isEmpty()) {
        for (String p : problems.subList(1, problems.size())) {
          spec.commandLine().getErr().println("kaiji-indexer: " + p);
        }
        throw new Failure(problems.getFirst());
      }
      return 0;
    }
  }

  @Command(
      name = "rollback",
      description =
          "Switches back to the previous kept generation (with --config of kind opensearch: moves"
              + " the cluster's alias back to the kept previous index).")
  static final class Rollback implements Callable<Integer> {
    @Option(names = "--data", description = "the data directory (the embedded index)")
    Path data;

    @Option(
        names = "--config",
        description = "a configuration file whose \"index\" says where the index lives")
    Path config;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      IndexConfig where = config == null ? IndexConfig.EMBEDDED : IndexConfig.load(config);
      if (where.isOpenSearch()) {
        OpenSearchSettings settings = where.settings(System.getenv());
        try (Cluster cluster = Cluster.connect(settings)) {
          spec.commandLine()
              .getOut()
              .println(new OpenSearchGenerations(cluster, settings).rollback());
        } catch (IOException e) {
          throw new Failure(e.getMessage() + "; the alias " + settings.alias() + " is unchanged");
        }
        return 0;
      }
      if (data == null) {
        throw new Failure("rollback of the embedded index needs --data");
      }
      IndexGenerations gens = new IndexGenerations(DataDirectory.generations(data));
      try (IndexGenerations.WriterLock lock = gens.writerLock()) {
        GenerationInfo g = gens.rollback();
        spec.commandLine().getOut().println(g.id());
      } catch (IOException e) {
        throw new Failure(e.getMessage());
      }
      return 0;
    }
  }
}
