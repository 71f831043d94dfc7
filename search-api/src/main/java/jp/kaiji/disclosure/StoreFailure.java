package jp.kaiji.disclosure;

import java.sql.SQLException;

/**
 * The request database failed (connection lost, disk full): nothing a caller of {@link
 * DisclosureService} can correct, so it is unchecked; the API answers it as an internal error.
 */
public final class StoreFailure extends RuntimeException {
  StoreFailure(SQLException cause) {
    super("the request database failed: " + cause.getClass().getSimpleName(), cause);
  }
}
