package jp.kaiji.indexer.cli;

import static jp.kaiji.indexer.cli.IndexerCli.JSON;
import static jp.kaiji.indexer.cli.IndexerCli.catalog;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.indexer.DataDirectory;
import jp.kaiji.indexer.OpenSearchRebuild;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.indexer.RebuildReport;
import jp.kaiji.indexer.SourceProgress;
import jp.kaiji.indexer.cli.IndexerCli.Failure;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.IndexConfig;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rebuild",
    description = "Reads every source into a new index generation and switches it in.")
final class RebuildCommand implements Callable<Integer> {
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
