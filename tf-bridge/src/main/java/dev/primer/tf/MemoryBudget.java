package dev.primer.tf;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.resolve.ResolvedNet;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Whether a net's parameters fit in this machine's memory: checked when a model is compiled,
 * before TensorFlow allocates anything, so that a spec within the spec language's own limits
 * ({@link dev.primer.dsl.resolve.Limits}) but too big for this machine is refused with a clear
 * message instead of failing inside TensorFlow after minutes with native out-of-memory logs.
 *
 * <p>The parameters live in native memory, outside the Java heap, so the measure is the
 * machine's physical memory (as the operating system reports it; in a container, its memory
 * limit), not {@code Runtime.maxMemory()}. The check counts only parameters and what training
 * keeps per parameter; activations, the data set and TensorFlow's own needs come on top, so a net
 * that passes may still be too big, but one that fails could never train here.
 */
public final class MemoryBudget {
  private MemoryBudget() {
    throw new AssertionError("no instances");
  }

  /** Bytes of one parameter value: float32. */
  public static final int BYTES_PER_VALUE = 4;

  /**
   * Copies of each parameter that training may hold at once: the values, their gradients and
   * up to two optimizer slots (Adam's first and second moments; momentum and RMSProp keep fewer).
   */
  public static final int COPIES_WHEN_TRAINING = 4;

  /** Bytes the parameters of {@code net} take while it trains. */
  public static long bytesNeeded(ResolvedNet net) {
    return net.parameterCount() * BYTES_PER_VALUE * COPIES_WHEN_TRAINING;
  }

  /** The machine's physical memory in bytes (a container's limit inside a container). */
  public static long physicalMemory() {
    return os().getTotalMemorySize();
  }

  /** The physical memory not in use now, in bytes; only reported (it changes all the time). */
  public static long freeMemory() {
    return os().getFreeMemorySize();
  }

  /**
   * Checks that the parameters of {@code net} fit in this machine's physical memory.
   *
   * @throws ModelTooLargeException saying how much the net needs and how much there is
   */
  public static void check(ResolvedNet net) {
    check(net, physicalMemory(), freeMemory());
  }

  /**
   * Checks that the parameters of {@code net} fit in {@code physical} bytes; {@code free}, the
   * part not in use now, is only reported.
   *
   * @throws ModelTooLargeException saying how much the net needs and how much there is
   */
  public static void check(ResolvedNet net, long physical, long free) {
    long needed = bytesNeeded(net);
    if (needed > physical) {
      throw new ModelTooLargeException(String.format(Locale.ROOT,
          "the net has %s parameters, which need %s to train (%d bytes each, times %d for the"
              + " values, gradients and optimizer slots), more than this machine's %s of"
              + " memory (%s free now); use fewer or smaller layers",
          Numbers.grouped(net.parameterCount()), gib(needed), BYTES_PER_VALUE,
          COPIES_WHEN_TRAINING, gib(physical), gib(free)));
    }
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }

  private static com.sun.management.OperatingSystemMXBean os() {
    return (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
  }
}
