package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  private static ServerConfig on(String host, boolean allowPlain, boolean tls) {
    return new ServerConfig(
        host,
        0,
        allowPlain,
        tls
            ? Optional.of(
                new ServerConfig.Tls(Path.of("k.p12"), Optional.of("PW"), Optional.empty()))
            : Optional.empty(),
        Path.of("catalog.json"),
        Path.of("data"),
        List.of());
  }

  @Test
  void refusesPlainHttpOffLoopbackUnlessToldOrTls() {
    assertThatThrownBy(() -> on("0.0.0.0", false, false).checkListenerSafety())
        .hasMessageContaining("refusing to serve personal data over plain HTTP on 0.0.0.0");
    assertThatCode(() -> on("127.0.0.1", false, false).checkListenerSafety())
        .doesNotThrowAnyException();
    assertThatCode(() -> on("::1", false, false).checkListenerSafety()).doesNotThrowAnyException();
    assertThatCode(() -> on("0.0.0.0", true, false).checkListenerSafety())
        .doesNotThrowAnyException();
    assertThatCode(() -> on("0.0.0.0", false, true).checkListenerSafety())
        .doesNotThrowAnyException();
  }
}
