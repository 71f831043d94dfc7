package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Correction and deletion in the console, in headless Chromium: staff decide on the request's
 * orders page and issue the orders, the shop's owner signs in, sees only their company's orders and
 * reports one done, the fixture source is edited as the owner would, staff verify (the source is
 * re-read) and open the answer letter. Screenshots of the order and the letter (docs/screenshots
 * with {@code -Dkaiji.screenshots=docs}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersBrowserIT {
  Path dir;
  TestWorld world;
  Browser browser;
  org.openqa.selenium.chrome.ChromeDriver driver;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("kaiji-orders-it");
    world = new TestWorld(dir);
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

  private void signIn(Role role) {
    driver.get(world.base + "/console/login?lang=ja");
    driver.manage().deleteAllCookies();
    driver.get(world.base + "/console/login?lang=ja");
    driver.findElement(By.id("token")).sendKeys(TestWorld.TOKENS.get(role));
    navigate(driver.findElement(By.id("sign-in")));
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

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @Test
  void staffOrderTheOwnerReportsDoneKaijiVerifiesAndTheLetterSaysSo() throws Exception {
    OrdersIT.readyRequest(world, "BR-1", "[\"disclosure\", \"correction\", \"stop_use\"]");

    // Staff decide on the request's orders page: a correction by the form, the rest by the API.
    signIn(Role.STAFF);
    driver.get(world.base + "/console/requests/BR-1");
    navigate(driver.findElement(By.id("orders-link")));
    new Select(driver.findElement(By.id("action-record"))).selectByValue("shop-customers/C001");
    new Select(driver.findElement(By.id("action-kind"))).selectByValue("correct");
    driver.findElement(By.id("action-field")).sendKeys("住所");
    driver.findElement(By.id("action-value")).sendKeys("大阪府大阪市中央区安土町3-5-14");
    navigate(driver.findElement(By.id("action-submit")));
    assertThat(text("action-decisions")).contains("shop-customers/C001", "訂正・追加", "実施する");
    DisclosureIT.ok(
        world.post(
            "/api/requests/BR-1/actions",
            Role.STAFF,
            "{\"actions\": [{\"recordId\": \"shop-orders/O2\", \"action\": \"delete\", \"decision\": \"carry_out\"},"
                + "{\"recordId\": \"shop-customers/C001\", \"action\": \"stop_use\", \"decision\": \"refuse\", \"ground\": \"retention_by_law\", \"reason\": \"古物営業法による取引記録の保存期間中\"}]}"),
        200);
    LocalDate due = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(14);
    driver.navigate().refresh();
    navigate(driver.findElement(By.id("issue")));
    assertThat(text("orders")).contains("WO-000001", "WO-000002", "送付済み", due.toString());
    browser.screenshot("request-orders");

    // The shop's owner: lands on their orders, opens one, reports it done.
    signIn(Role.OWNER);
    assertThat(driver.getCurrentUrl()).endsWith("/console/orders");
    assertThat(text("orders")).contains("WO-000001", "株式会社 BuySell Technologies");
    navigate(driver.findElement(By.linkText("WO-000001")));
    assertThat(text("order-items")).contains("C001", "住所", "大阪府大阪市中央区安土町三丁目5番13号", "3-5-14");
    browser.screenshot("work-order");
    navigate(driver.findElement(By.id("confirm-done")));
    assertThat(text("order-head")).contains("完了報告済み");
    driver.get(world.base + "/console/orders/WO-000002");
    navigate(driver.findElement(By.id("confirm-done")));

    // ... and does it in the source, as the owner would.
    Path customers = dir.resolve("shop/customers.csv");
    Files.writeString(
        customers,
        Files.readString(customers, StandardCharsets.UTF_8)
            .replace("大阪府大阪市中央区安土町三丁目5番13号", "大阪府大阪市中央区安土町3-5-14"),
        StandardCharsets.UTF_8);
    Path orders = dir.resolve("shop/orders.csv");
    Files.writeString(
        orders,
        Files.readString(orders, StandardCharsets.UTF_8).replace("O2,C001,指輪,3000\n", ""),
        StandardCharsets.UTF_8);

    // Staff verify both: Kaiji re-reads the sources.
    signIn(Role.STAFF);
    for (String id : new String[] {"WO-000001", "WO-000002"}) {
      driver.get(world.base + "/console/orders/" + id);
      navigate(driver.findElement(By.id("verify")));
      assertThat(text("order-head")).as(id).contains("確認済み");
    }

    driver.get(world.base + "/console/requests/BR-1/answer.html");
    String letter = driver.findElement(By.tagName("body")).getText();
    assertThat(letter)
        .contains("結果のご通知", "山田 太郎 様", "実施しました", "実施しませんでした")
        .contains("法令により一定期間の保存が義務付けられているため", "古物営業法による取引記録の保存期間中");
    browser.screenshot("answer-letter");
  }
}
