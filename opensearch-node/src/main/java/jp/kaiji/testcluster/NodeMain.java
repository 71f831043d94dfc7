package jp.kaiji.testcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * One OpenSearch node of the test cluster, in its own JVM: {@code NodeMain name home httpPort
 * transportPort transportPort1,transportPort2,... masterName1,masterName2,...}. It serves until the
 * JVM is stopped (SIGTERM closes it, kill -9 is the failure test). Test-only.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    Path home = Path.of(args[1]);
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve("logs"));
    Settings settings =
        Settings.builder()
            .put("cluster.name", "kaiji-it")
            .put("node.name", name)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", args[2])
            .put("transport.port", args[3])
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .putList("discovery.seed_hosts", seeds(args[4]))
            .putList("cluster.initial_cluster_manager_nodes", List.of(args[5].split(",")))
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // A lost node's shards move at once: the failure test should not wait a minute.
            .put("cluster.fault_detection.leader_check.interval", "500ms")
            .put("cluster.fault_detection.follower_check.interval", "500ms")
            .put("node.processors", 1)
            .build();
    Node node = new TestNode(settings);
    node.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    // the JVM is going anyway
                  }
                  stopped.countDown();
                }));
    System.out.println("kaiji-node-started " + name);
    System.out.flush();
    stopped.await();
  }

  /**
   * A node with the modules Kaiji uses as classpath plugins (no distribution here): Netty for
   * transport and HTTP, reindex for {@code _delete_by_query}.
   */
  private static final class TestNode extends Node {
    TestNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(
              settings, java.util.Map.of(), null, () -> settings.get("node.name")),
          List.of(plugin(Netty4ModulePlugin.class), plugin(ReindexModulePlugin.class)),
          true);
    }

    private static PluginInfo plugin(Class<?> c) {
      return new PluginInfo(
          c.getName(),
          "classpath plugin",
          "NA",
          Version.CURRENT,
          "21",
          c.getName(),
          null,
          List.of(),
          false);
    }
  }

  private static List<String> seeds(String ports) {
    return List.of(ports.split(",")).stream().map(p -> "127.0.0.1:" + p).toList();
  }
}
