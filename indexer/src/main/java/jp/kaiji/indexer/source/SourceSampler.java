package jp.kaiji.indexer.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import jp.kaiji.catalog.SourceDefinition;

/**
 * Reads the first rows of a source without indexing them, to check that it can be read and that its
 * columns are the ones the catalogue names. For JSON Lines, which declare no header, the columns
 * are the keys seen in the sampled rows.
 */
public final class SourceSampler {
  /**
   * What sampling found.
   *
   * @param source the source id
   * @param rowsSampled rows read
   * @param malformed rows among them that could not be read
   * @param columns the columns seen
   * @param problems one line each; empty when the source is usable
   */
  public record Sample(
      String source,
      long rowsSampled,
      long malformed,
      List<String> columns,
      List<String> problems) {}

  private SourceSampler() {}

  public static Sample sample(SourceDefinition source, SourceReaders readers, int rows) {
    try (SourceReader reader = readers.open(source)) {
      LinkedHashSet<String> columns = new LinkedHashSet<>(reader.columns());
      long read = 0;
      long malformed = 0;
      while (read < rows) {
        Optional<SourceItem> item = reader.next();
        if (item.isEmpty()) {
          break;
        }
        read++;
        switch (item.get()) {
          case SourceItem.MalformedRow m -> malformed++;
          case SourceItem.SourceRow r -> {
            if (reader.columns().isEmpty()) {
              columns.addAll(r.fields().keySet());
            }
          }
        }
      }
      List<String> problems = new ArrayList<>();
      if (!columns.isEmpty() || read > 0) {
        problems.addAll(HeaderCheck.problems(source, columns));
      }
      return new Sample(source.id(), read, malformed, List.copyOf(columns), problems);
    } catch (SourceUnavailableException e) {
      return new Sample(source.id(), 0, 0, List.of(), List.of(e.getMessage()));
    }
  }
}
