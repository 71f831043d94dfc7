package jp.kaiji.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.match.lucene.GenerationInfo;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.opensearch.OpenSearchGenerations;

/**
 * {@link IndexAdmin}'s view of a cluster's generations: each published index as a {@link
 * GenerationInfo} (its id the index name, its directory the local folder of its quarantine files,
 * its per-source counts those checked when it was published), and rebuilds as {@link
 * OpenSearchRebuild}s.
 */
final class ClusterGenerations {
  private final OpenSearchGenerations generations;
  private final Path dataDir;
  private final Supplier<CatalogFile> catalog;

  ClusterGenerations(
      OpenSearchGenerations generations, Path dataDir, Supplier<CatalogFile> catalog) {
    this.generations = generations;
    this.dataDir = dataDir;
    this.catalog = catalog;
  }

  IndexAdmin.Job rebuild(CatalogFile file) {
    OpenSearchRebuild build = new OpenSearchRebuild(file, generations, dataDir);
    return new IndexAdmin.Job() {
      private volatile RebuildJob.State state = RebuildJob.State.PENDING;
      private volatile RebuildReport report;
      private volatile String message;

      @Override
      public void run() {
        state = RebuildJob.State.RUNNING;
        try {
          report = build.run();
          state = RebuildJob.State.SUCCEEDED;
        } catch (IOException | RuntimeException e) {
          // The alias stayed where it was; the message names the cause, never a record.
          message = "rebuild failed, the serving generation stays: " + e.getMessage();
          state = RebuildJob.State.FAILED;
        }
      }

      @Override
      public RebuildJob.Progress progress() {
        RebuildReport r = report;
        return new RebuildJob.Progress(
            state,
            Optional.ofNullable(r).map(RebuildReport::generation),
            build.progress(),
            Optional.ofNullable(message),
            Optional.ofNullable(r));
      }
    };
  }

  Optional<GenerationInfo> current() {
    try {
      Optional<String> index = generations.current();
      return index.flatMap(i -> list().stream().filter(g -> g.id().equals(i)).findFirst());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<GenerationInfo> list() {
    try {
      return generations.published().stream().map(this::info).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GenerationInfo rollback() throws IOException {
    String index = generations.rollback();
    return list().stream()
        .filter(g -> g.id().equals(index))
        .findFirst()
        .orElseThrow(() -> new IOException("rolled back to " + index + ", which has no _meta"));
  }

  private GenerationInfo info(OpenSearchGenerations.Published p) {
    CatalogFile file = catalog.get();
    Map<String, SourceStats> sources = new LinkedHashMap<>();
    p.sources()
        .forEach(
            (id, docs) ->
                sources.put(
                    id,
                    new SourceStats(
                        id,
                        file.source(id).map(s -> s.company()).orElse(""),
                        docs,
                        docs,
                        0,
                        0,
                        p.builtAt(),
                        0,
                        0)));
    return new GenerationInfo(
        p.index(), dataDir.resolve("opensearch").resolve(p.generation()), p.builtAt(), sources);
  }
}
