package jp.kaiji.server;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
   * the README's pictures (so an ordinary test run leaves the work tree clean). Every page worth a
   * picture is also checked by {@link #axe}.
   */
  void screenshot(String name) throws IOException {
    // The console's preview of a package is sandboxed (no script may run, axe's neither): the
    // package's index.html is checked as its reader opens it, from the archive (axePackage).
    // So is the answer letter (結果の通知), the requester's document too.
    if (!driver.getCurrentUrl().endsWith("/package/index.html")
        && !driver.getCurrentUrl().endsWith("/answer.html")) {
      axe(name);
    }
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path dir =
        "docs".equals(System.getProperty("kaiji.screenshots"))
            ? repositoryRoot().resolve("docs/screenshots")
            : repositoryRoot().resolve("search-api/target/screenshots");
    Files.createDirectories(dir);
    Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The axe-core rule sets checked: WCAG 2.1 A and AA, and Deque's best practices. */
  static final List<String> AXE_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

  /**
   * Runs axe-core on the page the browser shows, appends one line per page to {@code
   * target/axe/summary.txt} (every violation, any impact, with its node count), and fails on any
   * serious or critical violation. With {@code -Dkaiji.axe=report} it only reports.
   */
  void axe(String name) throws IOException {
    Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new AssertionError(
          "axe-core could not run on " + name + ": " + results.getErrorMessage());
    }
    List<String> all = new ArrayList<>();
    List<String> blocking = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String line = rule.getId() + "[" + rule.getImpact() + "]×" + rule.getNodes().size();
      all.add(line);
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        StringBuilder b = new StringBuilder(line + " " + rule.getHelp());
        rule.getNodes().stream()
            .limit(5)
            .forEach(
                n ->
                    b.append("\n      ")
                        .append(n.getTarget())
                        .append(" ")
                        .append(n.getFailureSummary()));
        blocking.add(b.toString());
      }
    }
    String summary =
        String.format(
            Locale.ROOT,
            "axe %-28s %s %d violation(s)%s%n",
            name,
            driver.getCurrentUrl().replaceFirst("^https?://[^/]+", ""),
            all.size(),
            all.isEmpty() ? "" : ": " + String.join(", ", all));
    Path dir = repositoryRoot().resolve("search-api/target/axe");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("summary.txt"),
        summary,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.out.print(summary);
    if (!blocking.isEmpty() && !"report".equals(System.getProperty("kaiji.axe"))) {
      throw new AssertionError(
          "axe-core finds serious or critical violations on "
              + name
              + ":\n  "
              + String.join("\n  ", blocking));
    }
  }

  /**
   * Checks the package's {@code index.html} as the requester reads it: taken out of the archive and
   * opened from a file.
   */
  void axePackage(String name, byte[] zip) throws IOException {
    Path dir = repositoryRoot().resolve("search-api/target/axe/" + name);
    Files.createDirectories(dir);
    Path index = dir.resolve("index.html");
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith("index.html")) {
          Files.write(index, in.readAllBytes());
        }
      }
    }
    if (!Files.exists(index)) {
      throw new AssertionError("the package of " + name + " has no index.html");
    }
    driver.get(index.toUri().toString());
    axe(name);
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
