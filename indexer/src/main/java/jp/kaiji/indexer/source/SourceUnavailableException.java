package jp.kaiji.indexer.source;

/**
 * A source that cannot be read at all or stopped being readable (missing file, database down). The
 * message is one line naming the source and never holds record content.
 */
public final class SourceUnavailableException extends RuntimeException {
  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public SourceUnavailableException(String message) {
    super(message);
  }
}
