package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a keystore configured the server listens with HTTPS only. */
class TlsIT {
  @TempDir Path dir;

  @Test
  void servesHttpsWithTheConfiguredKeystore() throws Exception {
    Path keystore = dir.resolve("kaiji.p12");
    String password = "changeit-" + System.nanoTime();
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "kaiji",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                password)
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    Path passwordFile = dir.resolve("keystore.password");
    Files.writeString(passwordFile, password);
    Files.writeString(dir.resolve("catalog.json"), "{\"companies\": [], \"sources\": []}");

    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            false,
            Optional.of(
                new ServerConfig.Tls(keystore, Optional.empty(), Optional.of(passwordFile))),
            dir.resolve("catalog.json"),
            dir.resolve("data"),
            List.of());
    try (KaijiApplication app = new KaijiApplication(config, Clock.systemUTC()).start()) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        trust.load(in, password.toCharArray());
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient https = ApiAnswers.client(HttpClient.newBuilder().sslContext(ssl));
      HttpResponse<String> r =
          https.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + app.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("no-index");
      assertThat(r.headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(
              v -> assertThat(v).startsWith("max-age=").doesNotContain("max-age=0"));

      HttpResponse<String> api =
          https.send(
              HttpRequest.newBuilder(
                      URI.create("https://localhost:" + app.port() + "/api/admin/index"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(401);
    }
  }
}
