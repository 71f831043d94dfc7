package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What identifiers cannot find, in headless Chromium: a request registered on the console's form
 * with a store visit, its per-category states before the review closes, and the answer's §1 with
 * the three states. Screenshots {@code request-categories} and {@code answer-categories}
 * (docs/screenshots with {@code -Dkaiji.screenshots=docs}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldingsBrowserIT {
  Path dir;
  TestWorld world;
  Browser browser;
  org.openqa.selenium.chrome.ChromeDriver driver;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("kaiji-holdings-it");
    world = new TestWorld(dir, HoldingsIT.SOURCES, HoldingsIT.files());
    Files.createDirectories(dir.resolve("media/calls/2026"));
    Files.write(dir.resolve("media/calls/2026/W1.wav"), HoldingsIT.wav(2));
    browser = new Browser();
    driver = browser.driver;
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (world != null) {
        world.close();
      }
    }
  }

  private void navigate(WebElement element) {
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> {
              try {
                element.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException e) {
                return true;
              }
            });
  }

  private void type(String id, String value) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  @Test
  void aVisitOnTheFormFindsTheClipAndTheAnswerSaysWhatIsHeldButNotFindable() throws Exception {
    driver.get(world.base + "/console/login?lang=ja");
    driver.findElement(By.id("token")).sendKeys(TestWorld.TOKENS.get(Role.STAFF));
    navigate(driver.findElement(By.id("sign-in")));
    driver.get(world.base + "/console/requests/new");
    type("f-reference", "BR-LOC-1");
    type("f-name", "山田 太郎");
    type("f-phones", "090-1234-5678");
    type("f-visitStore", "S012");
    // Date and time inputs take what a person types in the browser's own widgets.
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('f-visitDate').value = arguments[0];"
                + "document.getElementById('f-visitTime').value = '14:10';",
            HoldingsIT.RECENT.toString());
    navigate(driver.findElement(By.id("register-submit")));
    assertThat(driver.getCurrentUrl())
        .as(driver.getPageSource())
        .contains("/console/requests/BR-LOC-1");
    assertThat(driver.findElement(By.id("request-form")).getText()).contains("S012");
    navigate(driver.findElement(By.id("run-search")));

    WebElement categories = driver.findElement(By.id("categories"));
    assertThat(
            categories
                .findElement(By.cssSelector("tr[data-category=cctv]"))
                .getAttribute("data-state"))
        .isEqualTo("found");
    assertThat(
            categories
                .findElement(By.cssSelector("tr[data-category=affiliate]"))
                .getAttribute("data-state"))
        .isEqualTo("held_not_findable");
    assertThat(categories.getText()).contains("保存期間 90 日", "Cookie ID・端末ID");
    assertThat(driver.findElement(By.cssSelector("[data-source=shop-footage]")).getText())
        .contains("F1");
    browser.screenshot("request-categories");

    // Accept what is in review, close the review, and read the answer's §1.
    DisclosureIT.ok(
        world.post(
            "/api/requests/BR-LOC-1/decisions",
            Role.STAFF,
            decisions(world.get("/api/requests/BR-LOC-1", Role.STAFF).body())),
        200);
    DisclosureIT.ok(world.post("/api/requests/BR-LOC-1/ready", Role.STAFF, ""), 200);
    driver.get(world.base + "/console/requests/BR-LOC-1");
    driver.get(driver.findElement(By.id("preview")).getAttribute("href"));
    WebElement section = driver.findElement(By.id("categories"));
    assertThat(section.getText()).contains("保有しています", "保有していますが、ご請求書の記載事項ではご本人のものを特定できません");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('categories').scrollIntoView(); window.scrollBy(0, -140);");
    browser.screenshot("answer-categories");
  }

  /** Accepts every needs-review record of the stored result. */
  private static String decisions(String request) throws Exception {
    StringBuilder b = new StringBuilder("{\"decisions\": [");
    String sep = "";
    for (var h : DisclosureIT.hits(DisclosureIT.json.readTree(request).path("result"))) {
      if (h.path("tier").asText().equals("needs_review")) {
        b.append(sep)
            .append("{\"recordId\": \"")
            .append(h.path("id").asText())
            .append("\", \"decision\": \"accept\"}");
        sep = ", ";
      }
    }
    return b.append("]}").toString();
  }
}
