package jp.kaiji.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.kaiji.catalog.CatalogException;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.indexer.DataDirectory;
import jp.kaiji.indexer.OpenSearchSync;
import jp.kaiji.indexer.SourceSync;
import jp.kaiji.indexer.source.SourceReaders;
import jp.kaiji.indexer.source.SourceSampler;
import jp.kaiji.match.lucene.GenerationInfo;
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
      RebuildCommand.class,
      IndexerCli.Sync.class,
      StatusCommand.class,
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
