package jp.kaiji.indexer.source;

import java.util.List;
import java.util.Optional;

/**
 * Streams the records of one source, one at a time, in source order. Memory does not grow with the
 * source's size. A record that cannot be read is yielded as a {@link SourceItem.MalformedRow} and
 * reading continues; a source that cannot be read at all throws {@link SourceUnavailableException}.
 *
 * <p>Not thread-safe. Close it when done.
 */
public interface SourceReader extends AutoCloseable {

  /**
   * The columns the source declares: the CSV header, the JDBC result's column labels. JSON Lines
   * declare none up front: empty.
   */
  List<String> columns();

  /** The next record, or empty at the end. */
  Optional<SourceItem> next();

  @Override
  void close();
}
