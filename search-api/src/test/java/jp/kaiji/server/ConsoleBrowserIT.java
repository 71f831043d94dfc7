package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kaiji.auth.Role;
import jp.kaiji.console.Console;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console in headless Chromium against the real server on loopback: sign in, search a
 * fixture person, an admin rebuild watched to completion, roles, CSRF and the security headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {
  Path dir;
  ConsoleWorld world;
  Browser browser;
  org.openqa.selenium.chrome.ChromeDriver driver;
  final HttpClient http =
      ApiAnswers.client(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER));

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("kaiji-console-it");
    world = new ConsoleWorld(dir.resolve("data"));
    // As ./kaiji demo does: the demo requests from the sample's requests.jsonl, idempotently.
    var seeded =
        jp.kaiji.server.DemoCases.seed(
            world.app.disclosure(), world.catalog.getParent().resolve("requests.jsonl"));
    assertThat(seeded.created()).containsExactly("DEMO-1", "DEMO-2", "DEMO-3", "DEMO-4", "DEMO-5");
    var again =
        jp.kaiji.server.DemoCases.seed(
            world.app.disclosure(), world.catalog.getParent().resolve("requests.jsonl"));
    assertThat(again.created()).isEmpty();
    assertThat(again.existing()).hasSize(5);
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

  @BeforeEach
  void signedOut() {
    driver.get(world.base + "/console/login?lang=ja");
    driver.manage().deleteAllCookies();
  }

  private void signIn(Role role) {
    driver.get(world.base + "/console/login");
    driver.findElement(By.id("token")).sendKeys(ConsoleWorld.TOKENS.get(role));
    navigate(driver.findElement(By.id("sign-in")));
  }

  /** Clicks something that loads a new page and waits until the old one is gone. */
  private void navigate(WebElement element) {
    element.click();
    waitGone(element);
  }

  /** Chromedriver reports a node of a replaced page as stale, or as not in the document. */
  private void waitGone(WebElement element) {
    waiting()
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

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @Test
  void staffSignsInSearchesAFixturePersonAndSignsOut() throws Exception {
    driver.get(world.base + "/console/login");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("サインイン");
    browser.screenshot("sign-in");
    signIn(Role.STAFF);
    driver.get(world.base + "/console/search");
    assertThat(driver.findElement(By.id("generation")).getText()).startsWith("索引世代 gen-");
    assertThat(driver.findElements(By.linkText("索引管理"))).isEmpty();

    Cookie session = driver.manage().getCookieNamed(Console.COOKIE);
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(session.isSecure()).isFalse(); // plain HTTP on loopback; Secure over TLS
    assertThat((Object) driver.executeScript("return document.cookie"))
        .asString()
        .doesNotContain(Console.COOKIE);

    JsonNode form = world.fixtureForm();
    driver.findElement(By.id("f-requestReference")).sendKeys("CONSOLE-IT-1");
    driver.findElement(By.id("f-name")).sendKeys(form.path("name").asText());
    driver.findElement(By.id("f-reading")).sendKeys(form.path("reading").asText());
    driver.findElement(By.id("f-birthDate")).sendKeys(form.path("birthDate").asText());
    List<String> addresses = new ArrayList<>();
    form.path("addresses")
        .forEach(
            a -> addresses.add(a.path("postcode").asText() + " " + a.path("address").asText()));
    driver.findElement(By.id("f-addresses")).sendKeys(String.join("\n", addresses));
    List<String> phones = new ArrayList<>();
    form.path("phones").forEach(p -> phones.add(p.asText()));
    driver.findElement(By.id("f-phones")).sendKeys(String.join("\n", phones));
    List<String> emails = new ArrayList<>();
    form.path("emails").forEach(e -> emails.add(e.asText()));
    driver.findElement(By.id("f-emails")).sendKeys(String.join("\n", emails));
    navigate(driver.findElement(By.id("search-submit")));

    waiting()
        .until(
            d ->
                !d.findElements(By.id("results")).isEmpty()
                    || !d.findElements(By.id("search-error")).isEmpty());
    assertThat(driver.findElements(By.id("search-error"))).isEmpty();
    assertThat(driver.findElement(By.id("answered-by")).getText()).contains("gen-");
    List<WebElement> records = driver.findElements(By.cssSelector("article.record"));
    assertThat(records).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("article.record .badge.tier-confirmed")))
        .isNotEmpty();
    // The matched columns of the original are highlighted, and the explanation says why.
    assertThat(driver.findElements(By.cssSelector("article.record tr.hl.lv-same"))).isNotEmpty();
    assertThat(driver.findElement(By.cssSelector("article.record ul.explanation")).getText())
        .containsPattern("(name|birthDate|phone|email|address): ");
    // Every source of the catalogue is listed, those without a hit too.
    List<WebElement> searched = driver.findElements(By.cssSelector("#sources-searched tbody tr"));
    assertThat(searched).hasSize(19);
    assertThat(driver.findElements(By.cssSelector("#sources-searched tr.zero"))).isNotEmpty();
    browser.screenshot("search-results");
    // A search with nothing usable answers the form again with the error, and each reason
    // beside its field.
    driver.get(world.base + "/console/search");
    driver.findElement(By.id("f-birthDate")).sendKeys("いつか");
    driver.findElement(By.id("f-phones")).sendKeys("12-34");
    navigate(driver.findElement(By.id("search-submit")));
    assertThat(driver.findElement(By.id("search-error")).getText()).contains("birthDate");
    assertThat(driver.findElement(By.id("unusable-birthDate")).getText())
        .contains("date.unrecognized");
    assertThat(driver.findElement(By.id("unusable-phones")).getText()).contains("phone.unparsable");
    browser.axe("search-error");
    // One unusable value among usable ones: the search runs, the reason stays beside the field.
    driver.get(world.base + "/console/search");
    driver.findElement(By.id("f-name")).sendKeys(form.path("name").asText());
    driver.findElement(By.id("f-birthDate")).sendKeys(form.path("birthDate").asText());
    driver.findElement(By.id("f-phones")).sendKeys("12-34");
    navigate(driver.findElement(By.id("search-submit")));
    assertThat(driver.findElements(By.id("search-error"))).isEmpty();
    assertThat(driver.findElement(By.id("unusable-summary")).getText()).contains("phones[0]");
    assertThat(driver.findElement(By.id("unusable-phones")).getText())
        .contains("1件目")
        .contains("phone.unparsable")
        .doesNotContain("12-34");
    assertThat(driver.findElement(By.id("f-phones")).getAttribute("aria-describedby"))
        .isEqualTo("unusable-phones");
    assertThat(driver.findElements(By.cssSelector("article.record"))).isNotEmpty();
    browser.axe("search-unusable");
    driver.get(world.base + "/console/nothing-here");
    browser.axe("not-found");

    String audit = Files.readString(dir.resolve("data/audit.log"));
    assertThat(audit)
        .contains("\"console-staff\"")
        .contains("subject.search")
        .contains("CONSOLE-IT-1")
        .doesNotContain(form.path("name").asText());

    driver.get(world.base + "/console/search?lang=en");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Subject search");
    browser.axe("search-form-en");
    driver.get(world.base + "/console/search?lang=ja");
    navigate(driver.findElement(By.id("sign-out")));
    assertThat(driver.getCurrentUrl()).endsWith("/console/login");
    driver.get(world.base + "/console/search");
    assertThat(driver.getCurrentUrl()).endsWith("/console/login");
  }

  @Test
  void adminStartsARebuildAndWatchesItToCompletion() throws Exception {
    signIn(Role.ADMIN);
    assertThat(driver.getCurrentUrl()).endsWith("/console/admin");
    int generationsBefore = driver.findElements(By.cssSelector("#generations tbody tr")).size();
    assertThat(driver.findElements(By.cssSelector("#admin-sources tbody tr"))).hasSize(19);
    assertThat(driver.findElements(By.linkText("本人検索"))).isEmpty();
    browser.screenshot("admin");

    navigate(driver.findElement(By.id("start-rebuild")));
    waiting().until(d -> d.getCurrentUrl().contains("/console/admin/rebuilds/"));
    waiting()
        .until(
            d -> "succeeded".equals(d.findElement(By.id("rebuild")).getAttribute("data-finished")));
    assertThat(driver.findElement(By.id("rebuild-progress")).getAttribute("value"))
        .isEqualTo("1000");
    assertThat(driver.findElement(By.id("rebuild-state")).getText()).isEqualTo("完了");
    assertThat(driver.findElements(By.cssSelector("#rebuild-sources tbody tr"))).hasSize(19);
    browser.screenshot("admin-rebuild");

    driver.get(world.base + "/console/admin");
    assertThat(driver.findElements(By.cssSelector("#generations tbody tr")))
        .hasSize(generationsBefore + 1);
    String serving = driver.findElement(By.cssSelector("#generations tr.serving td")).getText();

    driver.findElement(By.id("rollback")).click();
    driver.switchTo().alert().accept();
    waiting().until(d -> !d.findElements(By.id("notice")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#generations tr.serving td")).getText())
        .isNotEqualTo(serving);
    assertThat(Files.readString(dir.resolve("data/audit.log")))
        .contains("index.rebuild")
        .contains("index.rollback");
  }

  @Test
  void staffIsRefusedTheAdminPagesAndAdminTheSearch() throws Exception {
    signIn(Role.STAFF);
    driver.get(world.base + "/console/admin");
    assertThat(driver.findElement(By.id("forbidden")).getText()).contains("担当者");
    browser.axe("forbidden");
    driver.manage().deleteAllCookies();
    signIn(Role.ADMIN);
    driver.get(world.base + "/console/search");
    assertThat(driver.findElements(By.id("forbidden"))).hasSize(1);
  }

  @Test
  void exporterAndUnknownTokensCannotSignIn() throws Exception {
    signIn(Role.EXPORTER);
    assertThat(driver.findElement(By.id("signin-error")).getText()).contains("出力担当");
    browser.axe("sign-in-refused");
    assertThat(driver.manage().getCookieNamed(Console.COOKIE)).isNull();
    driver.get(world.base + "/console/login");
    driver.findElement(By.id("token")).sendKeys("not-a-token");
    navigate(driver.findElement(By.id("sign-in")));
    assertThat(driver.findElement(By.id("signin-error")).getText()).contains("トークンが正しくありません");
    assertThat(driver.manage().getCookieNamed(Console.COOKIE)).isNull();
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
    signIn(Role.ADMIN);
    String cookie =
        Console.COOKIE + "=" + driver.manage().getCookieNamed(Console.COOKIE).getValue();
    int generations = world.app.admin().generations().size();
    HttpResponse<String> without = post("/console/admin/rollback", cookie, "", null);
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("csrf-refused");
    HttpResponse<String> wrong = post("/console/admin/rebuilds", cookie, "csrf=wrong", null);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(world.app.admin().generations()).hasSize(generations);
    // The same session's token, taken from its page, is accepted (as a header, the XHR way).
    driver.get(world.base + "/console/admin");
    String token = driver.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
    HttpResponse<String> with = post("/console/admin/rollback", cookie, "", token);
    assertThat(with.statusCode()).isEqualTo(303);
    // Without a session, a post is refused too.
    assertThat(post("/console/search", "", "name=x", null).statusCode()).isEqualTo(403);
  }

  @Test
  void everyConsoleAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path :
        List.of("/console/login", "/console/static/console.js", "/console/nothing-here")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(world.base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      var h = r.headers();
      assertThat(h.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline"));
      assertThat(h.firstValue("Cache-Control")).as(path).hasValue("no-store");
      assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(h.firstValue("Cross-Origin-Opener-Policy")).as(path).hasValue("same-origin");
      assertThat(h.firstValue("Cross-Origin-Resource-Policy")).as(path).hasValue("same-origin");
      assertThat(h.firstValue("Permissions-Policy"))
          .as(path)
          .hasValueSatisfying(v -> assertThat(v).contains("camera=()", "microphone=()"));
    }
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + ConsoleWorld.TOKENS.get(Role.STAFF)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            c ->
                assertThat(c)
                    .startsWith(Console.COOKIE + "=")
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict")
                    .contains("Path=/console"));
    // Signing out tells the browser to forget the session's cache, cookies and storage.
    String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(world.base + "/console/search"))
                    .header("Cookie", session)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("the page carries its CSRF token").isTrue();
    HttpResponse<String> signOut =
        post(
            "/console/logout",
            session,
            "csrf="
                + java.net.URLEncoder.encode(
                    csrf.group(1), java.nio.charset.StandardCharsets.UTF_8),
            null);
    assertThat(signOut.statusCode()).isEqualTo(303);
    assertThat(signOut.headers().firstValue("Clear-Site-Data"))
        .hasValue("\"cache\", \"cookies\", \"storage\"");
    // The API keeps its own, stricter policy.
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'none'; frame-ancestors 'none'");
    // A sign-in posted from another site is refused.
    HttpResponse<String> foreign =
        http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + ConsoleWorld.TOKENS.get(Role.STAFF)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(foreign.statusCode()).isEqualTo(403);
  }

  @Test
  void staffTakesARequestFromTheListToADownloadedPackage() throws Exception {
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    JsonNode form = world.formWithRecordsToReview();
    String body =
        "{\"reference\": \"%s\", \"receivedOn\": \"%s\", \"requesterKind\": \"person\","
            + " \"documents\": [{\"kind\": \"drivers_license\", \"photo\": true, \"issuedOn\": \"2020-01-01\"}],"
            + " \"actions\": [\"disclosure\", \"purpose_notification\"], \"feePaid\": %s, \"delivery\": \"electronic\", \"dueOn\": \"%s\","
            + " \"subject\": %s}";
    String ref = "WEB-" + System.nanoTime() % 100000;
    assertThat(
            api(
                    "/api/requests",
                    String.format(
                        Locale.ROOT, body, ref, today.minusDays(10), true, today.plusDays(2), form))
                .statusCode())
        .isEqualTo(201);
    String late = ref + "-LATE";
    assertThat(
            api(
                    "/api/requests",
                    String.format(
                        Locale.ROOT,
                        body,
                        late,
                        "2025-01-06",
                        false,
                        "2025-01-20",
                        "{\"name\": \"山田 太郎\"}"))
                .statusCode())
        .isEqualTo(201);

    signIn(Role.STAFF);
    assertThat(driver.getCurrentUrl()).endsWith("/console/requests");
    assertThat(
            driver
                .findElement(By.cssSelector("#requests tr[data-reference='" + ref + "']"))
                .getAttribute("class"))
        .isEqualTo("nearing");
    assertThat(
            driver
                .findElement(By.cssSelector("#requests tr[data-reference='" + late + "']"))
                .getAttribute("class"))
        .isEqualTo("overdue");
    browser.screenshot("requests");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status")))
        .selectByValue("in_review");
    navigate(driver.findElement(By.id("filter")));
    assertThat(driver.findElements(By.cssSelector("#requests tr[data-reference='" + ref + "']")))
        .isEmpty();
    driver.get(world.base + "/console/requests");

    navigate(driver.findElement(By.linkText(ref)));
    assertThat(driver.findElement(By.id("request-form")).getText())
        .contains(form.path("name").asText());
    browser.axe("request-received");
    assertThat(driver.findElement(By.id("fee")).getText()).contains("受領済み");
    navigate(driver.findElement(By.id("run-search")));
    waiting().until(d -> !d.findElements(By.id("undecided")).isEmpty());
    int undecided =
        Integer.parseInt(driver.findElement(By.id("undecided")).getAttribute("data-undecided"));
    assertThat(undecided).isPositive();
    assertThat(driver.findElement(By.id("export")).isEnabled()).isFalse();

    // Reject the first record to review with a reason, by keyboard: j to it, r to the reason,
    // Enter.
    List<WebElement> review = driver.findElements(By.cssSelector("article.record.review"));
    String first = review.getFirst().getAttribute("data-record");
    int position =
        driver.findElements(By.cssSelector("article.record")).stream()
            .map(e -> e.getAttribute("data-record"))
            .toList()
            .indexOf(first);
    var keys = new org.openqa.selenium.interactions.Actions(driver);
    driver.findElement(By.tagName("h1")).click();
    for (int i = 0; i <= position; i++) {
      keys.sendKeys("j").perform();
    }
    keys.sendKeys("r").perform();
    WebElement before = driver.findElement(By.tagName("h1"));
    keys.sendKeys("同姓同名の別人（生年月日が異なる）" + org.openqa.selenium.Keys.ENTER).perform();
    waitGone(before);
    waiting()
        .until(
            d ->
                d.findElement(
                        By.cssSelector("article[data-record='" + first + "'] .decision-state"))
                    .getText()
                    .contains("開示しない"));
    // Accept the next undecided record by keyboard alone: j past it, k back to it, a.
    List<String> order =
        driver.findElements(By.cssSelector("article.record")).stream()
            .map(e -> e.getAttribute("data-record"))
            .toList();
    String next = null;
    for (WebElement e : driver.findElements(By.cssSelector("article.record.review"))) {
      if (e.findElement(By.cssSelector(".decision-state")).getText().contains("未判断")) {
        next = e.getAttribute("data-record");
        break;
      }
    }
    if (next != null) {
      int at = order.indexOf(next);
      driver.findElement(By.tagName("h1")).click();
      for (int i = 0; i <= at + 1 && i < order.size(); i++) {
        keys.sendKeys("j").perform();
      }
      if (at + 1 < order.size()) {
        keys.sendKeys("k").perform();
      }
      WebElement current = driver.findElement(By.cssSelector("article.record.current"));
      assertThat(current.getAttribute("data-record")).isEqualTo(next);
      // The focus follows the selection, so that Tab and Enter act on this record.
      assertThat(
              (Boolean)
                  driver.executeScript(
                      "return arguments[0].contains(document.activeElement)", current))
          .isTrue();
      WebElement page = driver.findElement(By.tagName("h1"));
      keys.sendKeys("a").perform();
      waitGone(page);
      String accepted = next;
      waiting()
          .until(
              d ->
                  d.findElement(
                          By.cssSelector("article[data-record='" + accepted + "'] .decision-state"))
                      .getText()
                      .startsWith("開示する"));
    }
    // A rejection without a reason is refused.
    String second = null;
    for (WebElement e : driver.findElements(By.cssSelector("article.record.review"))) {
      if (e.findElement(By.cssSelector(".decision-state")).getText().contains("未判断")) {
        second = e.getAttribute("data-record");
        break;
      }
    }
    if (second != null) {
      navigate(
          driver.findElement(
              By.cssSelector("article[data-record='" + second + "'] button.reject")));
      assertThat(driver.findElement(By.id("request-error")).getText()).contains("理由");
      browser.axe("request-refused");
    }
    // Accept every record still undecided.
    while (true) {
      List<WebElement> open =
          driver.findElements(By.cssSelector("article.record.review")).stream()
              .filter(
                  e -> e.findElement(By.cssSelector(".decision-state")).getText().contains("未判断"))
              .toList();
      if (open.isEmpty()) {
        break;
      }
      navigate(open.getFirst().findElement(By.cssSelector("button.accept")));
    }
    assertThat(driver.findElement(By.id("undecided")).getAttribute("data-undecided"))
        .isEqualTo("0");

    // Redact the first two characters of a text field of a confirmed record.
    WebElement confirmed = driver.findElement(By.cssSelector("article.record.confirmed"));
    String recordId = confirmed.getAttribute("data-record");
    confirmed.findElement(By.cssSelector("details.redact summary")).click();
    var field = new org.openqa.selenium.support.ui.Select(confirmed.findElement(By.name("field")));
    field.getOptions().stream()
        .filter(o -> o.getText().contains("住所"))
        .findFirst()
        .ifPresent(o -> field.selectByVisibleText(o.getText()));
    String fieldName = field.getFirstSelectedOption().getText();
    String value =
        confirmed
            .findElement(By.xpath(".//table[@class='original']//tr[th='" + fieldName + "']/td"))
            .getText();
    confirmed
        .findElement(By.name("span"))
        .sendKeys(value.substring(0, Math.min(2, value.length())));
    confirmed.findElement(By.cssSelector("details.redact input[name=reason]")).sendKeys("第三者の情報");
    navigate(confirmed.findElement(By.cssSelector("button.redact-submit")));
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("article[data-record='" + recordId + "'] .redacted"))
                        .size()
                    == 1);
    browser.screenshot("request-review");

    navigate(driver.findElement(By.id("export")));
    waiting().until(d -> !d.findElements(By.id("download")).isEmpty());
    browser.screenshot("request-package");
    driver.get(driver.getCurrentUrl().replaceFirst("\\?.*", "") + "?lang=en");
    browser.axe("request-package-en");
    driver.get(driver.getCurrentUrl().replaceFirst("\\?.*", "") + "?lang=ja");
    String cookie =
        Console.COOKIE + "=" + driver.manage().getCookieNamed(Console.COOKIE).getValue();
    HttpResponse<byte[]> zip =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(driver.findElement(By.id("download")).getAttribute("href")))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(new String(zip.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("PK");

    driver.get(driver.findElement(By.id("preview")).getAttribute("href"));
    assertThat(driver.getPageSource()).contains("［墨消し］");
    HttpResponse<String> preview =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(world.base + "/console/requests/" + ref + "/package/index.html"))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preview.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            c -> assertThat(c).contains("sandbox").contains("frame-ancestors 'none'"));
    browser.screenshot("package-preview");
    browser.axePackage("package-index", zip.body());
    String audit = Files.readString(dir.resolve("data/audit.log"));
    assertThat(audit)
        .contains("record.decision.reject")
        .contains("record.redaction")
        .contains("request.ready")
        .contains("package.download");
  }

  @Test
  void staffFollowsTheDemoLineThenRegistersARequestThroughTheFormAndDownloadsItsPackage()
      throws Exception {
    signIn(Role.STAFF);
    // The seeded demo requests wait in the list; the overdue and the nearing one stand out.
    assertThat(
            driver
                .findElement(By.cssSelector("#requests tr[data-reference='DEMO-4']"))
                .getAttribute("class"))
        .isEqualTo("overdue");
    assertThat(
            driver
                .findElement(By.cssSelector("#requests tr[data-reference='DEMO-2']"))
                .getAttribute("class"))
        .isEqualTo("nearing");
    // What the demo prints: open DEMO-1 and press search.
    navigate(driver.findElement(By.linkText("DEMO-1")));
    navigate(driver.findElement(By.id("run-search")));
    waiting().until(d -> !d.findElements(By.id("undecided")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("article.record.confirmed"))).isNotEmpty();

    driver.get(world.base + "/console/requests");
    navigate(driver.findElement(By.id("new-request")));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("開示請求の登録");
    browser.axe("request-new-empty");
    JsonNode form = world.formWithRecordsToReview();
    String ref = "FORM-" + System.nanoTime() % 100000;
    driver.findElement(By.id("f-reference")).sendKeys(ref);
    assertThat(driver.findElement(By.id("f-agentName")).isDisplayed()).isFalse();
    driver.findElement(By.cssSelector("input[name=requesterKind][value=appointed_agent]")).click();
    assertThat(driver.findElement(By.id("f-agentName")).isDisplayed()).isTrue();
    driver.findElement(By.id("f-agentName")).sendKeys("見本 花子");
    driver.findElement(By.id("f-agentRelation")).sendKeys("弁護士");
    driver.findElement(By.id("f-agentLawyer")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-docKind2")))
        .selectByValue("lawyer_id");
    driver.findElement(By.cssSelector("input[name=actions][value=purpose_notification]")).click();
    driver.findElement(By.id("f-feePaid")).click();
    driver.findElement(By.id("f-name")).sendKeys(form.path("name").asText());
    driver.findElement(By.id("f-reading")).sendKeys(form.path("reading").asText());
    driver.findElement(By.id("f-birthDate")).sendKeys(form.path("birthDate").asText());
    JsonNode addresses = form.path("addresses");
    driver.findElement(By.id("f-postcode")).sendKeys(addresses.path(0).path("postcode").asText());
    driver.findElement(By.id("f-address")).sendKeys(addresses.path(0).path("address").asText());
    List<String> former = new ArrayList<>();
    for (int i = 1; i < addresses.size(); i++) {
      former.add(
          addresses.get(i).path("postcode").asText()
              + " "
              + addresses.get(i).path("address").asText());
    }
    driver.findElement(By.id("f-formerAddresses")).sendKeys(String.join("\n", former));
    List<String> formerNames = new ArrayList<>();
    form.path("formerNames").forEach(n -> formerNames.add(n.asText()));
    driver.findElement(By.id("f-formerNames")).sendKeys(String.join("\n", formerNames));
    List<String> phones = new ArrayList<>();
    form.path("phones").forEach(p -> phones.add(p.asText()));
    driver.findElement(By.id("f-phones")).sendKeys(String.join("\n", phones));
    List<String> emails = new ArrayList<>();
    form.path("emails").forEach(e -> emails.add(e.asText()));
    driver.findElement(By.id("f-emails")).sendKeys(String.join("\n", emails));
    driver.executeScript("window.scrollTo(0, 0)");
    browser.screenshot("request-new");
    navigate(driver.findElement(By.id("register-submit")));

    assertThat(driver.getCurrentUrl()).contains("/console/requests/" + ref);
    assertThat(driver.findElement(By.id("notice")).getText()).contains("登録しました");
    assertThat(driver.findElement(By.id("request-form")).getText())
        .contains(form.path("name").asText())
        .contains("見本 花子 (弁護士)")
        .contains("任意代理人");
    assertThat(driver.findElement(By.id("fee")).getText()).contains("受領済み");
    var stored =
        world
            .app
            .disclosure()
            .view(new jp.kaiji.auth.Principal("console-it", Role.STAFF), ref)
            .form();
    assertThat(stored.documents())
        .extracting(d -> d.kind().id())
        .containsExactly("drivers_license", "lawyer_id");
    assertThat(stored.actions()).hasSize(2);
    assertThat(stored.subject().addresses()).hasSize(addresses.size());
    assertThat(Files.readString(dir.resolve("data/audit.log")))
        .contains("request.create")
        .contains(ref);

    navigate(driver.findElement(By.id("run-search")));
    waiting().until(d -> !d.findElements(By.id("undecided")).isEmpty());
    while (true) {
      List<WebElement> open =
          driver.findElements(By.cssSelector("article.record.review")).stream()
              .filter(
                  e -> e.findElement(By.cssSelector(".decision-state")).getText().contains("未判断"))
              .toList();
      if (open.isEmpty()) {
        break;
      }
      navigate(open.getFirst().findElement(By.cssSelector("button.accept")));
    }
    navigate(driver.findElement(By.id("export")));
    waiting().until(d -> !d.findElements(By.id("download")).isEmpty());
    String cookie =
        Console.COOKIE + "=" + driver.manage().getCookieNamed(Console.COOKIE).getValue();
    HttpResponse<byte[]> zip =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(driver.findElement(By.id("download")).getAttribute("href")))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(c -> assertThat(c).contains(ref + ".zip"));
    assertThat(new String(zip.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("PK");
    driver.get(driver.findElement(By.id("preview")).getAttribute("href"));
    assertThat(driver.getPageSource()).contains(ref);
    browser.axePackage("package-index-agent", zip.body());
  }

  /**
   * The registration form by keyboard alone: Tab reaches every field in reading order, a radio
   * group is chosen with the arrow keys, a checkbox with Space, and Enter in a field submits; the
   * errors then say which fields to correct.
   */
  @Test
  void theRegistrationFormWorksByKeyboardAlone() throws Exception {
    signIn(Role.STAFF);
    driver.get(world.base + "/console/requests/new?lang=ja");
    var keys = new org.openqa.selenium.interactions.Actions(driver);
    driver.executeScript("document.activeElement.blur()");
    List<String> reached = new ArrayList<>();
    // Date and time inputs take one Tab per part; the locator fields add nine.
    for (int i = 0; i < 140; i++) {
      keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
      String id = (String) driver.executeScript("return document.activeElement.id");
      String name = (String) driver.executeScript("return document.activeElement.name || ''");
      reached.add(id.isEmpty() ? name : id);
      if ("register-submit".equals(id)) {
        break;
      }
    }
    assertThat(reached)
        .as("the fields Tab reaches, in order")
        .containsSubsequence(
            "f-reference",
            "f-receivedOn",
            "f-dueOn",
            "requesterKind",
            "actions",
            "f-feePaid",
            "delivery",
            "f-name",
            "f-reading",
            "f-birthDate",
            "f-phones",
            "f-emails",
            "f-visitStore",
            "f-visitDate",
            "f-visitTime",
            "f-callNumber",
            "f-callDate",
            "f-cookie",
            "f-ipAddress",
            "f-ipDate",
            "f-ipTime",
            "register-submit");
    // The requester kind by arrow keys: the agent's fields appear.
    driver.findElement(By.cssSelector("input[name=requesterKind][value=person]")).sendKeys("");
    keys.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT).perform();
    assertThat(
            driver
                .findElement(By.cssSelector("input[name=requesterKind][value=appointed_agent]"))
                .isSelected())
        .isTrue();
    assertThat(driver.findElement(By.id("f-agentName")).isDisplayed()).isTrue();
    keys.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT).perform();
    assertThat(driver.findElement(By.id("f-agentName")).isDisplayed()).isFalse();
    // The fee by Space.
    driver.findElement(By.id("f-feePaid")).sendKeys("");
    boolean fee = driver.findElement(By.id("f-feePaid")).isSelected();
    keys.sendKeys(org.openqa.selenium.Keys.SPACE).perform();
    assertThat(driver.findElement(By.id("f-feePaid")).isSelected()).isNotEqualTo(fee);
    // Type the name, then Enter submits; the reference is missing, and the error says so.
    driver.findElement(By.id("f-name")).sendKeys("");
    WebElement before = driver.findElement(By.tagName("h1"));
    keys.sendKeys("見本 一郎").sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    waitGone(before);
    assertThat(driver.findElement(By.id("form-error")).getAttribute("role")).isEqualTo("alert");
    assertThat(driver.findElement(By.id("err-reference")).getText()).isEqualTo("入力してください。");
    assertThat(driver.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("見本 一郎");
  }

  @Test
  void theRegistrationFormShowsEachErrorBesideItsFieldInTheChosenLanguage() throws Exception {
    signIn(Role.STAFF);
    driver.get(world.base + "/console/requests/new?lang=ja");
    driver
        .findElement(By.cssSelector("input[name=requesterKind][value=legal_representative]"))
        .click();
    driver
        .findElement(By.cssSelector("input[name=actions][value=disclosure]"))
        .click(); // unchecks the default
    String received = driver.findElement(By.id("f-receivedOn")).getAttribute("value");
    driver.executeScript(
        "arguments[0].value = arguments[1]",
        driver.findElement(By.id("f-dueOn")),
        java.time.LocalDate.parse(received).minusDays(1).toString());
    // Nothing on the form can be used: the date is refused beside its field. (With a usable name
    // the request would be registered, the date listed when it is searched.)
    driver.findElement(By.id("f-birthDate")).sendKeys("生年月日不明");
    navigate(driver.findElement(By.id("register-submit")));

    assertThat(driver.findElement(By.id("form-error")).getText()).contains("誤りがあります");
    assertThat(driver.findElement(By.id("err-reference")).getText()).isEqualTo("入力してください。");
    assertThat(driver.findElement(By.id("err-agentName")).getText()).contains("代理人");
    assertThat(driver.findElement(By.id("err-agentRelation")).getText()).contains("代理人");
    assertThat(driver.findElement(By.id("err-actions")).getText()).contains("一つ以上");
    assertThat(driver.findElement(By.id("err-dueOn")).getText()).contains("受付日以降");
    assertThat(driver.findElement(By.id("err-birthDate")).getText()).contains("解釈できません");
    assertThat(driver.findElement(By.id("f-reference")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(driver.findElement(By.id("f-reference")).getAttribute("aria-describedby"))
        .isEqualTo("err-reference");
    // What was typed stays.
    assertThat(driver.findElement(By.id("f-birthDate")).getAttribute("value")).isEqualTo("生年月日不明");
    assertThat(
            driver
                .findElement(
                    By.cssSelector("input[name=requesterKind][value=legal_representative]"))
                .isSelected())
        .isTrue();
    // Seven: the name left empty is required too.
    assertThat(driver.findElement(By.id("err-name")).getText()).contains("入力してください");
    assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(7);
    browser.axe("request-new-errors");

    // In English, and a reference that exists already is refused beside the reference.
    driver.get(world.base + "/console/requests/new?lang=en");
    driver.findElement(By.id("f-reference")).sendKeys("DEMO-1");
    driver.findElement(By.id("f-name")).sendKeys("見本 一郎");
    navigate(driver.findElement(By.id("register-submit")));
    assertThat(driver.findElement(By.id("err-reference")).getText())
        .isEqualTo("Request DEMO-1 is registered already.");
    driver.findElement(By.id("f-reference")).clear();
    driver.findElement(By.id("f-reference")).sendKeys("bad reference!");
    driver.findElement(By.id("f-name")).clear();
    navigate(driver.findElement(By.id("register-submit")));
    assertThat(driver.findElement(By.id("err-reference")).getText())
        .startsWith("Use up to 64 letters");
    assertThat(driver.findElement(By.id("err-name")).getText()).isEqualTo("Required.");
    browser.axe("request-new-errors-en");
    driver.get(world.base + "/console/requests?lang=ja");
    assertThat(driver.findElements(By.cssSelector("#requests tr[data-reference='bad reference!']")))
        .isEmpty();
  }

  /**
   * Each registration error, posted as a form over HTTP: 400, the message beside its field, nothing
   * created.
   */
  @Test
  void eachInvalidRegistrationFieldIsNamedBesideIt() throws Exception {
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + ConsoleWorld.TOKENS.get(Role.STAFF)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie =
        login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]
            + "; "
            + Console.LANG_COOKIE
            + "=ja";
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(world.base + "/console/requests/new"))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var csrf =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    var today = world.app.disclosure().today();
    String[][] cases = {
      // field=value overrides, the error's field, a fragment of its Japanese message
      {"reference=", "reference", "入力してください"},
      {"reference=.hidden", "reference", "半角英数字"},
      {"reference=new", "reference", "使えません"},
      {"receivedOn=2026/01/01", "receivedOn", "YYYY-MM-DD"},
      {"receivedOn=" + today.plusDays(1), "receivedOn", "未来"},
      {"dueOn=" + today.minusDays(1), "dueOn", "受付日以降"},
      {"requesterKind=", "requesterKind", "選択してください"},
      {"requesterKind=stranger", "requesterKind", "選択肢にない"},
      {"requesterKind=legal_representative", "agentName", "代理人"},
      {"docKind1=", "docKind1", "書類の種類"},
      {"docIssued1=yesterday", "docIssued1", "YYYY-MM-DD"},
      {"actions=", "actions", "一つ以上"},
      {"actions=everything", "actions", "選択肢にない"},
      {"delivery=", "delivery", "選択してください"},
      {"name=", "name", "入力してください"},
      {"address=", "address", "住所も"},
    };
    int n = 0;
    for (String[] c : cases) {
      String ref = "TABLE-" + n++;
      var fields = new java.util.LinkedHashMap<String, String>();
      fields.put("csrf", csrf.group(1));
      fields.put("reference", ref);
      fields.put("receivedOn", today.toString());
      fields.put("dueOn", today.plusDays(14).toString());
      fields.put("requesterKind", "person");
      fields.put("docKind1", "drivers_license");
      fields.put("docPhoto1", "yes");
      fields.put("actions", "disclosure");
      fields.put("delivery", "electronic");
      fields.put("name", "見本 一郎");
      fields.put("postcode", "100-0001");
      fields.put("address", "東京都千代田区千代田9-9-9");
      String[] kv = c[0].split("=", 2);
      fields.put(kv[0], kv[1]);
      StringBuilder body = new StringBuilder();
      fields.forEach(
          (k, v) ->
              body.append(body.isEmpty() ? "" : "&")
                  .append(k)
                  .append('=')
                  .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
      HttpResponse<String> r = post("/console/requests/new", cookie, body.toString(), null);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      var error =
          java.util.regex.Pattern.compile("id=\"err-" + c[1] + "\">([^<]*)<").matcher(r.body());
      assertThat(error.find()).as(c[0] + " shows err-" + c[1]).isTrue();
      assertThat(error.group(1)).as(c[0]).contains(c[2]);
      assertThat(
              world
                  .app
                  .disclosure()
                  .list(
                      new jp.kaiji.auth.Principal("console-it", Role.STAFF),
                      java.util.Optional.empty()))
          .as(c[0])
          .noneMatch(x -> x.reference().equals(ref));
    }
    // The same form without the override is registered (303 to the request).
    String body =
        "csrf="
            + csrf.group(1)
            + "&reference=TABLE-OK&receivedOn="
            + today
            + "&dueOn="
            + today.plusDays(14)
            + "&requesterKind=person&actions=disclosure&actions=stop_use&delivery=paper&name="
            + java.net.URLEncoder.encode("見本 一郎", java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> ok = post("/console/requests/new", cookie, body, null);
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location"))
        .hasValue("/console/requests/TABLE-OK?notice=created");
    // A phone the search cannot use does not refuse the request: it is registered as written and
    // listed beside its field once searched.
    HttpResponse<String> withBadPhone =
        post(
            "/console/requests/new",
            cookie,
            body.replace("TABLE-OK", "TABLE-PHONE") + "&phones=not+a+phone",
            null);
    assertThat(withBadPhone.statusCode()).as(withBadPhone.body()).isEqualTo(303);
    world
        .app
        .disclosure()
        .search(new jp.kaiji.auth.Principal("console-it", Role.STAFF), "TABLE-PHONE");
    String requestPage =
        http.send(
                HttpRequest.newBuilder(URI.create(world.base + "/console/requests/TABLE-PHONE"))
                    .header("Cookie", cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(requestPage).contains("id=\"unusable-phones\"", "phone.unparsable");
    // Without the CSRF token, nothing is registered.
    assertThat(
            post(
                    "/console/requests/new",
                    cookie,
                    body.replaceFirst("csrf=[^&]+&", "").replace("TABLE-OK", "TABLE-NOCSRF"),
                    null)
                .statusCode())
        .isEqualTo(403);
  }

  private HttpResponse<String> api(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(world.base + path))
            .header("Authorization", "Bearer " + ConsoleWorld.TOKENS.get(Role.STAFF))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String form, String csrfHeader)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(world.base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (!cookie.isEmpty()) {
      b.header("Cookie", cookie);
    }
    if (csrfHeader != null) {
      b.header("X-CSRF-Token", csrfHeader);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
