package jp.kaiji.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Samples the used heap every few milliseconds on a daemon thread and keeps the largest value seen,
 * next to the heap pools' own peak counters (which see between samples but may add up pools that
 * peaked at different moments; the sampled value is the one quoted).
 */
public final class HeapSampler implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakSampled;

  public HeapSampler() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    thread = new Thread(this::loop, "kaiji-bench-heap");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    var memory = ManagementFactory.getMemoryMXBean();
    while (running) {
      peakSampled = Math.max(peakSampled, memory.getHeapMemoryUsage().getUsed());
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The largest used heap seen by the sampler, in bytes. */
  public long peakSampled() {
    return peakSampled;
  }

  /** The sum of the heap pools' peak usage since the start, in bytes (an upper bound). */
  public static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The heap limit (-Xmx), in bytes. */
  public static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
