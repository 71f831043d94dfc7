package jp.kaiji.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.kaiji.auth.TokenRegistry.TokenEntry;
import jp.kaiji.opensearch.IndexConfig;

/**
 * The server's configuration file. Secrets are never in it: tokens appear as SHA-256 hashes, the
 * keystore password and the audit salt come from environment variables.
 *
 * @param host the address to listen on; anything but loopback needs TLS (or the explicit opt-out)
 * @param port the port; 0 picks a free one
 * @param allowPlainHttpOnNonLoopback serve plain HTTP on a non-loopback address anyway (behind a
 *     TLS-terminating proxy only)
 * @param tls the keystore for an HTTPS listener
 * @param catalog the source catalogue file
 * @param dataDir where index generations, the audit log and the audit salt live
 * @param tokens the accepted bearer tokens, hashed
 * @param database where disclosure requests are stored; an embedded SQLite database {@code
 *     dataDir/requests.db} when absent
 * @param failedAuthenticationsPerMinute unknown tokens one client address may present per minute
 *     before its requests are answered 429 for the rest of that minute (default 20)
 * @param matchPolicy a match policy file (weights and thresholds, the shape of the shipped {@code
 *     match-policy.json}); the shipped defaults when absent
 * @param retentionDays days after its export that a request's stored search result and packages are
 *     deleted (its metadata and the audit log stay); kept until an erasure when absent
 * @param index where the index lives: the embedded Lucene index in {@code dataDir} when absent, or
 *     an OpenSearch cluster ({@code {"kind": "opensearch", "hosts": [...]}})
 */
public record ServerConfig(
    String host,
    int port,
    boolean allowPlainHttpOnNonLoopback,
    Optional<Tls> tls,
    Path catalog,
    Path dataDir,
    List<TokenEntry> tokens,
    Optional<Database> database,
    Optional<Integer> failedAuthenticationsPerMinute,
    Optional<Path> matchPolicy,
    Optional<Integer> retentionDays,
    Optional<IndexConfig> index) {

  /** A configuration without a retention period, with the embedded index. */
  public ServerConfig(
      String host,
      int port,
      boolean allowPlainHttpOnNonLoopback,
      Optional<Tls> tls,
      Path catalog,
      Path dataDir,
      List<TokenEntry> tokens,
      Optional<Database> database,
      Optional<Integer> failedAuthenticationsPerMinute,
      Optional<Path> matchPolicy) {
    this(
        host,
        port,
        allowPlainHttpOnNonLoopback,
        tls,
        catalog,
        dataDir,
        tokens,
        database,
        failedAuthenticationsPerMinute,
        matchPolicy,
        Optional.empty(),
        Optional.empty());
  }

  /** A configuration with the shipped match policy. */
  public ServerConfig(
      String host,
      int port,
      boolean allowPlainHttpOnNonLoopback,
      Optional<Tls> tls,
      Path catalog,
      Path dataDir,
      List<TokenEntry> tokens,
      Optional<Database> database,
      Optional<Integer> failedAuthenticationsPerMinute) {
    this(
        host,
        port,
        allowPlainHttpOnNonLoopback,
        tls,
        catalog,
        dataDir,
        tokens,
        database,
        failedAuthenticationsPerMinute,
        Optional.empty());
  }

  /** A configuration with the default limit of failed authentications. */
  public ServerConfig(
      String host,
      int port,
      boolean allowPlainHttpOnNonLoopback,
      Optional<Tls> tls,
      Path catalog,
      Path dataDir,
      List<TokenEntry> tokens,
      Optional<Database> database) {
    this(
        host,
        port,
        allowPlainHttpOnNonLoopback,
        tls,
        catalog,
        dataDir,
        tokens,
        database,
        Optional.empty());
  }

  /** A configuration with the embedded request database. */
  public ServerConfig(
      String host,
      int port,
      boolean allowPlainHttpOnNonLoopback,
      Optional<Tls> tls,
      Path catalog,
      Path dataDir,
      List<TokenEntry> tokens) {
    this(host, port, allowPlainHttpOnNonLoopback, tls, catalog, dataDir, tokens, Optional.empty());
  }

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    tls = tls == null ? Optional.empty() : tls;
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(dataDir, "dataDir");
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    database = database == null ? Optional.empty() : database;
    failedAuthenticationsPerMinute =
        failedAuthenticationsPerMinute == null ? Optional.empty() : failedAuthenticationsPerMinute;
    if (failedAuthenticationsPerMinute.orElse(1) < 1) {
      throw new IllegalArgumentException("failedAuthenticationsPerMinute must be at least 1");
    }
    matchPolicy = matchPolicy == null ? Optional.empty() : matchPolicy;
    retentionDays = retentionDays == null ? Optional.empty() : retentionDays;
    if (retentionDays.orElse(1) < 1) {
      throw new IllegalArgumentException("retentionDays must be at least 1");
    }
    index = index == null ? Optional.empty() : index;
  }

  /** This configuration with a retention period for stored results and packages. */
  ServerConfig withRetentionDays(int days) {
    return new ServerConfig(
        host,
        port,
        allowPlainHttpOnNonLoopback,
        tls,
        catalog,
        dataDir,
        tokens,
        database,
        failedAuthenticationsPerMinute,
        matchPolicy,
        Optional.of(days),
        index);
  }

  /** This configuration with another limit of failed authentications per client and minute. */
  ServerConfig withFailedAuthenticationsPerMinute(int limit) {
    return new ServerConfig(
        host,
        port,
        allowPlainHttpOnNonLoopback,
        tls,
        catalog,
        dataDir,
        tokens,
        database,
        Optional.of(limit),
        matchPolicy,
        retentionDays,
        index);
  }

  /** This configuration with a match policy file. */
  ServerConfig withMatchPolicy(Path file) {
    return new ServerConfig(
        host,
        port,
        allowPlainHttpOnNonLoopback,
        tls,
        catalog,
        dataDir,
        tokens,
        database,
        failedAuthenticationsPerMinute,
        Optional.of(file),
        retentionDays,
        index);
  }

  /**
   * The database of disclosure requests, e.g. PostgreSQL in production ({@code
   * jdbc:postgresql://db/kaiji}, with its JDBC driver on the class path).
   *
   * @param url the JDBC URL
   * @param user the user, if the database needs one
   * @param passwordEnv the environment variable holding the password; never in this file
   */
  public record Database(String url, Optional<String> user, Optional<String> passwordEnv) {
    public Database {
      Objects.requireNonNull(url, "database.url");
      if (!url.startsWith("jdbc:")) {
        throw new IllegalArgumentException(
            "database.url must be a JDBC URL (jdbc:...), got '" + url + "'");
      }
      user = user == null ? Optional.empty() : user;
      passwordEnv = passwordEnv == null ? Optional.empty() : passwordEnv;
    }
  }

  /**
   * A PKCS#12 keystore. Its password comes from an environment variable or from a file readable
   * only by the server's user; never from this configuration.
   *
   * @param keystore its path
   * @param passwordEnv the environment variable holding its password
   * @param passwordFile or a file holding it
   */
  public record Tls(Path keystore, Optional<String> passwordEnv, Optional<Path> passwordFile) {
    public Tls {
      Objects.requireNonNull(keystore, "tls.keystore");
      passwordEnv = passwordEnv == null ? Optional.empty() : passwordEnv;
      passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
      if (passwordEnv.isEmpty() == passwordFile.isEmpty()) {
        throw new IllegalArgumentException("tls needs exactly one of passwordEnv and passwordFile");
      }
    }
  }

  public static ServerConfig load(Path file) throws IOException {
    ServerConfig c =
        new ObjectMapper()
            .registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(file.toFile(), ServerConfig.class);
    Path base = file.toAbsolutePath().getParent();
    return new ServerConfig(
        c.host,
        c.port,
        c.allowPlainHttpOnNonLoopback,
        c.tls.map(
            t ->
                new Tls(
                    base.resolve(t.keystore()),
                    t.passwordEnv(),
                    t.passwordFile().map(base::resolve))),
        base.resolve(c.catalog),
        base.resolve(c.dataDir),
        c.tokens,
        c.database,
        c.failedAuthenticationsPerMinute,
        c.matchPolicy.map(base::resolve),
        c.retentionDays,
        c.index);
  }

  /** Refuses plain HTTP on a non-loopback address unless explicitly allowed. */
  void checkListenerSafety() {
    if (tls.isPresent() || allowPlainHttpOnNonLoopback) {
      return;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host '" + host + "' cannot be resolved", e);
    }
    if (!loopback) {
      throw new IllegalArgumentException(
          "refusing to serve personal data over plain HTTP on "
              + host
              + ": configure tls (a PKCS#12 keystore) or set allowPlainHttpOnNonLoopback behind a TLS proxy");
    }
  }
}
