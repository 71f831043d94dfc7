package jp.kaiji.opensearch.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real 3-node OpenSearch 3.9.0 cluster on loopback, each node a forked JVM ({@code
 * jp.kaiji.testcluster.NodeMain} on the classpath opensearch-node wrote), started once per test JVM
 * and stopped when it exits. Forked, so that OpenSearch's Lucene never meets Kaiji's and a node can
 * be killed with SIGKILL.
 */
final class TestCluster {
  static final int NODES = 3;
  private static TestCluster started;

  private final Path home;
  private final int[] http = new int[NODES];
  private final int[] transport = new int[NODES];
  private final Process[] nodes = new Process[NODES];

  private TestCluster(Path home) throws IOException {
    this.home = home;
    for (int i = 0; i < NODES; i++) {
      http[i] = freePort();
      transport[i] = freePort();
    }
  }

  /** The cluster, started on first use (about half a minute on two busy cores). */
  static synchronized TestCluster get() throws Exception {
    if (started == null) {
      Path home = Path.of("target", "os-cluster").toAbsolutePath();
      deleteTree(home);
      TestCluster c = new TestCluster(home);
      Runtime.getRuntime().addShutdownHook(new Thread(c::stopAll));
      for (int i = 0; i < NODES; i++) {
        c.start(i);
      }
      c.awaitNodes(NODES, Duration.ofMinutes(4));
      started = c;
    }
    return started;
  }

  List<URI> hosts() {
    List<URI> out = new ArrayList<>();
    for (int port : http) {
      out.add(URI.create("http://127.0.0.1:" + port));
    }
    return out;
  }

  void start(int i) throws IOException {
    String classpath =
        System.getProperty("kaiji.os.node.classes")
            + java.io.File.pathSeparator
            + Files.readString(
                    Path.of(System.getProperty("kaiji.os.node.classpath")), StandardCharsets.UTF_8)
                .strip();
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        List.of(
            javaBin,
            "-Xms320m",
            "-Xmx320m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            // The root check of OpenSearch's bootstrap reads through JNA: these keep JNA away.
            "-Djna.nosys=true",
            "-Djna.noclasspath=true",
            "-Djna.boot.library.path=/nonexistent-jna",
            "-Dopensearch.set.netty.runtime.available.processors=false",
            "-Dtests.security.manager=false",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classpath,
            "jp.kaiji.testcluster.NodeMain",
            "n" + i,
            home.resolve("n" + i).toString(),
            Integer.toString(http[i]),
            Integer.toString(transport[i]),
            java.util.Arrays.stream(transport)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(",")),
            "n0,n1,n2");
    Files.createDirectories(home);
    nodes[i] =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("n" + i + ".log").toFile())
            .start();
  }

  /** SIGKILL: the node gets no chance to say goodbye. */
  void kill9(int i) throws InterruptedException {
    nodes[i].destroyForcibly();
    nodes[i].waitFor();
  }

  boolean alive(int i) {
    return nodes[i] != null && nodes[i].isAlive();
  }

  /** Waits until the cluster has {@code n} nodes and is green. */
  void awaitNodes(int n, Duration timeout) throws Exception {
    awaitHealth("wait_for_nodes=" + n + "&wait_for_status=green", timeout);
  }

  void awaitHealth(String query, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      for (int i = 0; i < NODES; i++) {
        if (!alive(i)) {
          continue;
        }
        try {
          HttpResponse<String> r =
              client.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + http[i]
                                  + "/_cluster/health?timeout=5s&"
                                  + query))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          last = r.body();
          if (r.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          last = e.toString();
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("cluster not ready (" + query + "): " + last);
  }

  private void stopAll() {
    for (Process p : nodes) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
