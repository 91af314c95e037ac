package dev.primer.tf;

import org.bytedeco.javacpp.Pointer;

/**
 * JavaCPP's check of the process's physical memory, which TensorFlow Java runs on every native
 * allocation with a deallocator — every tensor fed or fetched, so at least twice per session
 * call. With {@code org.bytedeco.javacpp.maxPhysicalBytes} above 0 (JavaCPP's default: twice the
 * heap) each allocation reads the resident size of the process ({@code
 * Pointer.physicalBytesInaccurate}, a read of {@code /proc/self/statm} on Linux) to decide
 * whether to ask for a garbage collection before it allocates. On the development machine that
 * read cost about 40 us of a trivial session call's 57 us, and 8% of {@code ./primer compare
 * --together}'s main thread in a profile (BENCHMARKS.md, "Primer against a hand-written
 * TensorFlow graph").
 *
 * <p>{@link #skip} turns the check off for the process, as the {@code primer} command does. What
 * that gives up: JavaCPP no longer starts a garbage collection because native memory is high.
 * That matters only for native memory that waits for the collector — tensors, graphs and models
 * nobody closed (a {@link Model} left open is released by its cleaner after an ordinary
 * collection finds it unreachable). An app that closes its models and tensors loses nothing;
 * JavaCPP's limit on the bytes it allocated itself ({@code maxBytes}) stays.
 */
public final class NativeMemoryCheck {
  /** The system property JavaCPP reads once, when its {@code Pointer} class initializes. */
  public static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

  private NativeMemoryCheck() {
    throw new AssertionError("no instances");
  }

  /**
   * Turns JavaCPP's physical-memory check off (sets {@link #PROPERTY} to 0) unless the property
   * was set already, by the command line or the app. Call it first thing in {@code main}: JavaCPP
   * reads the property once, when TensorFlow Java first allocates, and a later call changes
   * nothing.
   *
   * @return whether the check is now off, as JavaCPP took it: false where the property held
   *     another value, or where JavaCPP had read it before this call
   */
  public static boolean skip() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "0");
    }
    return Pointer.maxPhysicalBytes() == 0;
  }
}
