package jp.kaiji.audit;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognizes a full disk among the causes of a failure: an {@link IOException} of {@code ENOSPC}
 * ("No space left on device", or "Disk quota exceeded"), or SQLite's {@code SQLITE_FULL} ("database
 * or disk is full"). The server answers these with 507, not with a generic 500.
 */
public final class StorageFull {
  private static final int SQLITE_FULL = 13;

  private StorageFull() {}

  /** Whether {@code e} or one of its causes says the disk is full. */
  public static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof IOException
          && (m.contains("no space left") || m.contains("disk quota exceeded"))) {
        return true;
      }
      if (t instanceof SQLException s
          && ((s.getErrorCode() & 0xff) == SQLITE_FULL
              || m.contains("database or disk is full")
              || m.contains("no space left"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
