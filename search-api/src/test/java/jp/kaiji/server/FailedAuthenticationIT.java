package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import jp.kaiji.auth.Role;
import jp.kaiji.http.FailedAuthentications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed authentications are limited per client: after 20 unknown tokens in a minute every request
 * presenting a token, the right one included, is answered 429 with Retry-After until the minute is
 * over; a request without a token is not a guess. Console sign-ins count against the same limit.
 */
class FailedAuthenticationIT {
  @TempDir Path dir;

  @Test
  void guessingTokensIsStoppedWith429() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (TestWorld world = new TestWorld(dir)) {
      assertThat(world.get("/api/requests", Role.STAFF).statusCode()).isEqualTo(200);
      for (int i = 0; i < FailedAuthentications.DEFAULT_PER_MINUTE; i++) {
        assertThat(world.send("GET", "/api/requests", "guess-" + i, null).statusCode())
            .isEqualTo(401);
      }
      HttpResponse<String> limited = world.send("GET", "/api/requests", "guess-x", null);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(json.readTree(limited.body()).path("error").path("code").asText())
          .isEqualTo("KJ-429-01");
      assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
      // The right token gains nothing while the client is limited.
      assertThat(world.get("/api/requests", Role.STAFF).statusCode()).isEqualTo(429);
      // No token is no guess: 401 as ever; health needs none.
      assertThat(world.send("GET", "/api/requests", null, null).statusCode()).isEqualTo(401);
      assertThat(world.get("/health", null).statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> signIn(TestWorld world, String token) throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(world.base + "/console/login?lang=en"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", "same-origin")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(post, HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void guessingTokensAtTheConsoleSignInIsStoppedAndCountsWithTheApi() throws Exception {
    try (TestWorld world = new TestWorld(dir)) {
      String staff = TestWorld.TOKENS.get(Role.STAFF);
      HttpResponse<String> signedIn = signIn(world, staff);
      assertThat(signedIn.statusCode()).isEqualTo(303);
      assertThat(signedIn.headers().allValues("Set-Cookie"))
          .anyMatch(c -> c.startsWith("kaiji_session="));
      assertThat(signIn(world, "").statusCode()).as("an empty form is no guess").isEqualTo(401);
      // Half the budget spent on the API, half at the console: one limit per client.
      int half = FailedAuthentications.DEFAULT_PER_MINUTE / 2;
      for (int i = 0; i < half; i++) {
        assertThat(world.send("GET", "/api/requests", "guess-" + i, null).statusCode())
            .isEqualTo(401);
      }
      for (int i = half; i < FailedAuthentications.DEFAULT_PER_MINUTE; i++) {
        HttpResponse<String> r = signIn(world, "guess-" + i);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Unknown token.");
      }
      HttpResponse<String> limited = signIn(world, staff);
      assertThat(limited.statusCode()).as("the right token gains nothing now").isEqualTo(429);
      assertThat(limited.body()).contains("Too many unknown tokens from this address");
      assertThat(limited.headers().allValues("Set-Cookie"))
          .as("no session")
          .allMatch(c -> c.startsWith("kaiji_lang="));
      assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
      assertThat(world.get("/api/requests", Role.STAFF).statusCode()).isEqualTo(429);
    }
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void theLimitIsPerClientAndLiftsAfterItsMinute() {
    MovableClock clock = new MovableClock();
    FailedAuthentications f = new FailedAuthentications(3, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(f.blockedFor("10.0.0.1")).isZero();
      f.failed("10.0.0.1");
    }
    assertThat(f.blockedFor("10.0.0.1")).isEqualTo(60);
    assertThat(f.blockedFor("10.0.0.2")).isZero();
    clock.now = clock.now.plusSeconds(45);
    assertThat(f.blockedFor("10.0.0.1")).isEqualTo(15);
    clock.now = clock.now.plusSeconds(15);
    assertThat(f.blockedFor("10.0.0.1")).isZero();
  }
}
