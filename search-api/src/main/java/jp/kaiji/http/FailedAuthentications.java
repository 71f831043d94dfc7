package jp.kaiji.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits failed authentications per client address: after {@code limit} unknown tokens from one
 * address within a minute, every request from it that presents a token is answered 429 (KJ-429-01,
 * with Retry-After) until that minute is over, before its token is even looked at, so guessing
 * tokens gains nothing from trying faster. A missing token is not a guess and is not counted.
 */
public final class FailedAuthentications {
  /** The default: failed authentications allowed per client and minute. */
  public static final int DEFAULT_PER_MINUTE = 20;

  private static final long WINDOW_MILLIS = 60_000;
  private static final int MAX_CLIENTS = 10_000;

  private final int limit;
  private final Clock clock;

  /** Failures per client in the current window, oldest clients first (bounded). */
  private final Map<String, long[]> windows =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  public FailedAuthentications(int limit, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("failed authentications per minute must be at least 1");
    }
    this.limit = limit;
    this.clock = clock;
  }

  /** Seconds until {@code client} may try again; 0 when it may now. */
  public synchronized long blockedFor(String client) {
    long[] w = window(client);
    if (w[1] < limit) {
      return 0;
    }
    return Math.max(1, (w[0] + WINDOW_MILLIS - clock.millis() + 999) / 1000);
  }

  /** Counts one failed authentication of {@code client}. */
  public synchronized void failed(String client) {
    window(client)[1]++;
  }

  /** The client's window {start, failures}, started afresh when the last one is over. */
  private long[] window(String client) {
    long now = clock.millis();
    long[] w = windows.get(client);
    if (w == null || now - w[0] >= WINDOW_MILLIS) {
      w = new long[] {now, 0};
      windows.put(client, w);
    }
    return w;
  }
}
