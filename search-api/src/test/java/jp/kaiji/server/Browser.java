package jp.kaiji.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, never a downloaded browser or
 * driver: both paths are explicit, so Selenium Manager has nothing to look up. When Chromium is
 * missing the tests fail with what to install, rather than skipping.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("kaiji.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("kaiji.chromedriver", "/usr/bin/chromedriver"));

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;

  Browser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the console's browser tests need Debian's Chromium and its driver: "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " are missing. Install them with: apt-get update && apt-get install -y chromium chromium-driver"
              + " (./kaiji test does this by itself when run as root).");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("kaiji-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=ja",
        "--window-size=1280,800",
        "--user-data-dir=" + profile);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 800));
    // The window includes the browser's own bars; the page itself gets exactly 1280×800.
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
  }

  /**
   * Saves what the browser shows (1280×800) as {@code target/screenshots/<name>.png}; with {@code
   * -Dkaiji.screenshots=docs} into the repository's {@code docs/screenshots/} instead, to refresh
   * the README's pictures (so an ordinary test run leaves the work tree clean).
   */
  void screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path dir =
        "docs".equals(System.getProperty("kaiji.screenshots"))
            ? repositoryRoot().resolve("docs/screenshots")
            : repositoryRoot().resolve("search-api/target/screenshots");
    Files.createDirectories(dir);
    Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("search-api")) ? here : here.getParent();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
