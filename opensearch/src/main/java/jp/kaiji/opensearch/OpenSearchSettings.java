package jp.kaiji.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Where the cluster is and how to reach it. Hosts, alias, shards and replicas come from the
 * configuration file; the secrets and TLS trust from the environment, never from a file in the
 * repository:
 *
 * <ul>
 *   <li>{@code KAIJI_OPENSEARCH_USERNAME} / {@code KAIJI_OPENSEARCH_PASSWORD}: HTTP basic auth
 *   <li>{@code KAIJI_OPENSEARCH_CA}: a PEM file of the CA that signed the nodes' certificates
 *       (https hosts; without it the JVM's default trust store is used)
 * </ul>
 *
 * @param hosts the nodes' HTTP addresses, e.g. {@code https://os1:9200}; the client spreads
 *     requests over them and skips dead ones
 * @param alias the alias searches read; generations are indices named {@code alias-<generation>}
 * @param shards primary shards per generation
 * @param replicas replica copies per shard (1 survives the loss of one node)
 * @param env the environment to read secrets from
 */
public record OpenSearchSettings(
    List<URI> hosts, String alias, int shards, int replicas, Map<String, String> env) {

  public static final String DEFAULT_ALIAS = "kaiji-records";

  public OpenSearchSettings {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("index.hosts: name at least one OpenSearch node");
    }
    if (!alias.equals(alias.toLowerCase(java.util.Locale.ROOT)) || alias.isBlank()) {
      throw new IllegalArgumentException("index.alias must be a non-blank lower-case name");
    }
    env = Map.copyOf(env);
  }

  /** Defaults: one shard, one replica, the process environment. */
  public static OpenSearchSettings of(List<URI> hosts) {
    return new OpenSearchSettings(hosts, DEFAULT_ALIAS, 1, 1, System.getenv());
  }

  public OpenSearchSettings withAlias(String newAlias) {
    return new OpenSearchSettings(hosts, newAlias, shards, replicas, env);
  }

  public OpenSearchSettings withShards(int newShards, int newReplicas) {
    return new OpenSearchSettings(hosts, alias, newShards, newReplicas, env);
  }

  /** A client over every host; close its transport ({@code client._transport().close()}). */
  public OpenSearchClient client() {
    HttpHost[] targets =
        hosts.stream()
            .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort()))
            .toArray(HttpHost[]::new);
    Optional<String> user = Optional.ofNullable(env.get("KAIJI_OPENSEARCH_USERNAME"));
    String password = env.getOrDefault("KAIJI_OPENSEARCH_PASSWORD", "");
    Optional<String> ca = Optional.ofNullable(env.get("KAIJI_OPENSEARCH_CA"));
    var transport =
        ApacheHttpClient5TransportBuilder.builder(targets)
            // A request whose node died after taking it must fail, not wait forever: the bulk
            // writer then fails the build cleanly and searches try again.
            .setRequestConfigCallback(
                r ->
                    r.setConnectionRequestTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(30))
                        .setResponseTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(90)))
            .setHttpClientConfigCallback(
                http -> {
                  user.ifPresent(
                      u -> {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost h : targets) {
                          credentials.setCredentials(
                              new AuthScope(h),
                              new UsernamePasswordCredentials(u, password.toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                      });
                  var connections =
                      PoolingAsyncClientConnectionManagerBuilder.create()
                          .setMaxConnPerRoute(16)
                          .setMaxConnTotal(64);
                  if (ca.isPresent()) {
                    connections.setTlsStrategy(
                        ClientTlsStrategyBuilder.create()
                            .setSslContext(trusting(Path.of(ca.get())))
                            .buildAsync());
                  }
                  return http.setConnectionManager(connections.build());
                })
            .build();
    return new OpenSearchClient(transport);
  }

  private static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + n++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("KAIJI_OPENSEARCH_CA: cannot read " + pem + ": " + e, e);
    }
  }
}
