package jp.kaiji.testing;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The one seed convention of Kaiji's randomized tests: {@code -Dkaiji.seed=N} replays a run;
 * otherwise each test draws a fresh seed, and a failing test prints the line that replays it.
 *
 * <pre>{@code
 * @RegisterExtension final TestSeed seed = new TestSeed();
 * Random random = seed.random();
 * }</pre>
 */
public final class TestSeed implements TestWatcher {
  private final long value;

  public TestSeed() {
    this.value = Long.getLong("kaiji.seed", System.nanoTime() ^ Thread.currentThread().threadId());
  }

  /** The seed of this test instance. */
  public long value() {
    return value;
  }

  /** A generator seeded with {@link #value()}. */
  public Random random() {
    return new Random(value);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.out.println(
        context.getDisplayName()
            + " failed with seed "
            + value
            + ": rerun with -Dkaiji.seed="
            + value);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    testFailed(context, cause);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {}
}
