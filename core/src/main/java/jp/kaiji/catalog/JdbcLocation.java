package jp.kaiji.catalog;

import java.util.Optional;

/**
 * Where a JDBC source lives. Credentials are never in the catalogue: only the names of the
 * environment variables that hold them.
 *
 * @param url the JDBC URL; {@code ${catalogDir}} is replaced with the catalogue's folder
 * @param query the SELECT that yields one row per record (or {@code table})
 * @param table a table to read whole, when no query is given
 * @param userEnv the environment variable holding the user name
 * @param passwordEnv the environment variable holding the password
 */
public record JdbcLocation(
    String url,
    Optional<String> query,
    Optional<String> table,
    Optional<String> userEnv,
    Optional<String> passwordEnv) {
  public JdbcLocation {
    query = query == null ? Optional.empty() : query;
    table = table == null ? Optional.empty() : table;
    userEnv = userEnv == null ? Optional.empty() : userEnv;
    passwordEnv = passwordEnv == null ? Optional.empty() : passwordEnv;
  }
}
