package dev.primer.tf;

import dev.primer.tf.device.CpuFeatures;
import java.util.Objects;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * How a model is compiled beyond its spec and seed: an immutable value; each {@code with…}
 * returns a changed copy. Defaults: {@link Device#CPU}, {@link Precision#FP32}, no XLA — the
 * graph a hand-writer would write. The speed-ups a hand-writer usually skips are opt-in:
 * <ul>
 *   <li>{@link #withPrecision}: bf16 matrix products with fp32 master weights (all of them, or
 *   the convolutions alone), or {@link Precision#AUTO} to choose from the CPU: all with AMX,
 *   convolutions alone with AVX512-BF16 ({@link CpuFeatures});
 *   <li>{@link #withXla}: TensorFlow's XLA JIT compiles clusters of the graph into fused machine
 *   code (session option {@code global_jit_level = ON_1}). On the CPU, TensorFlow honours it
 *   only when the process started with {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit} in its
 *   environment ({@code ./primer} sets it); a model asked for XLA without it fails to compile
 *   with a message saying so, rather than silently running without.
 *   <li>{@link #withThreads}: the model's session on threads of its own instead of TensorFlow's
 *   pools shared by every session of the process (one intra-op thread per core). When session
 *   calls still handed their ops to TensorFlow's inter-op pool, one thread did better on small
 *   steps (compare's net 784-256-256-10, batch 64, momentum: an epoch in 91 against 161 ms on
 *   the 2-core development machine, bitwise the same weights). Since every call runs its ops on
 *   the calling thread ({@code internal.graph.SessionCalls}) the default is as fast there
 *   ({@code primer bench step} on compare's net: one thread 1.05x a hand-written graph, the
 *   default 1.04x), and on larger steps
 *   one thread never paid (784-1024-1024-10 and the conv net of issue 12 took 1.4x and 1.55x
 *   longer on one thread in a harness); a kernel may also split a larger product's sum
 *   otherwise on one thread than on several, so the last bits of those weights differ
 *   (BENCHMARKS.md, "Primer against a hand-written TensorFlow graph"). What it is for: an app
 *   training several small models side by side gives each a core of its own.
 * </ul>
 * Grappler's fusions (MatMul+BiasAdd+Relu into {@code _FusedMatMul}, Conv2D+BiasAdd+Relu into
 * {@code _FusedConv2D}) are TensorFlow's defaults and on in every case.
 *
 * @param device where the ops run
 * @param precision what the matrix products compute in
 * @param xla whether the XLA JIT compiles the graph
 * @param threads the session's own threads ({@link #withThreads}); 0: TensorFlow's shared pools
 */
public record CompileOptions(Device device, Precision precision, boolean xla, int threads) {
  /** The environment variable TensorFlow reads its XLA flags from, once per process. */
  public static final String XLA_FLAGS_VARIABLE = "TF_XLA_FLAGS";
  /** The XLA flag that lets a session turn on the JIT for the CPU. */
  public static final String XLA_CPU_FLAG = "--tf_xla_cpu_global_jit";

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException {@code "compile: device and precision are required"}
   */
  public CompileOptions {
    if (device == null || precision == null) {
      throw new IllegalArgumentException("compile: device and precision are required");
    }
    Device.checkThreads(threads, "compile: ");
  }

  /** Options on TensorFlow's shared pools (threads 0). */
  public CompileOptions(Device device, Precision precision, boolean xla) {
    this(device, precision, xla, 0);
  }

  /** CPU, fp32, no XLA, TensorFlow's shared pools. */
  public static CompileOptions defaults() {
    return new CompileOptions(Device.CPU, Precision.FP32, false, 0);
  }

  /** A copy on {@code device}. */
  public CompileOptions withDevice(Device device) {
    return new CompileOptions(device, precision, xla, threads);
  }

  /** A copy computing its matrix products in {@code precision}. */
  public CompileOptions withPrecision(Precision precision) {
    return new CompileOptions(device, precision, xla, threads);
  }

  /**
   * A copy whose session runs on {@code threads} threads of its own (TensorFlow's {@code
   * use_per_session_threads}; see the class comment for when one thread pays), or on
   * TensorFlow's pools shared by the process with 0, the default.
   *
   * <p>What the session's own threads bound depends on the process's first session: TensorFlow's
   * oneDNN kernels (the products) keep the thread count of the first session that runs one.
   * Measured on 784-1024-1024-10 (2 cores, one JVM): a {@code withThreads(1)} model compiled
   * first trained on 0.99 cores, and a default model compiled after it on 1.3 cores (1.8 when
   * it is first); a {@code withThreads(1)} model compiled after a default one kept 1.8 cores
   * busy. So a one-thread model is best made first in its process, and it changes the speed of
   * default models made after it; and since a kernel's thread count can decide its sums' order,
   * their last bits may differ too.
   *
   * @throws IllegalArgumentException if {@code threads} is negative
   */
  public CompileOptions withThreads(int threads) {
    return new CompileOptions(device, precision, xla, threads);
  }

  /** A copy with the XLA JIT on or off. */
  public CompileOptions withXla(boolean xla) {
    return new CompileOptions(device, precision, xla, threads);
  }

  /** The precision on this machine: {@link Precision#AUTO} resolved for this CPU and device. */
  public Precision effectivePrecision() {
    return precision.resolve(device, CpuFeatures.detect());
  }

  /**
   * Whether this process can JIT-compile with XLA on {@code device}: always on a GPU; on the CPU
   * only if {@link #XLA_FLAGS_VARIABLE} held {@link #XLA_CPU_FLAG} (alone, or {@code =true}) as
   * one of its blank-separated flags when the process started.
   */
  public static boolean xlaAvailable(Device device) {
    return xlaAvailable(device, System.getenv(XLA_FLAGS_VARIABLE));
  }

  /** As {@link #xlaAvailable(Device)} for the XLA flags {@code flags} (null: unset). */
  static boolean xlaAvailable(Device device, String flags) {
    String given = Objects.requireNonNullElse(flags, "").trim();
    return device == Device.GPU || java.util.Arrays.stream(given.split("\\s+"))
        .anyMatch(f -> f.equals(XLA_CPU_FLAG) || f.equals(XLA_CPU_FLAG + "=true"));
  }

  /**
   * Checks what depends on the process: XLA on the CPU needs its flag.
   *
   * @throws IllegalArgumentException {@code "compile: XLA on the CPU needs the environment
   *     variable TF_XLA_FLAGS=--tf_xla_cpu_global_jit when the JVM starts ..."}
   */
  void check() {
    check(System.getenv(XLA_FLAGS_VARIABLE));
  }

  /** As {@link #check()} for the XLA flags {@code flags} the process started with (null: unset). */
  void check(String flags) {
    if (xla && !xlaAvailable(device, flags)) {
      throw new IllegalArgumentException("compile: XLA on the CPU needs the environment variable "
          + XLA_FLAGS_VARIABLE + "=" + XLA_CPU_FLAG + " when the JVM starts (TensorFlow reads it"
          + " once per process; ./primer sets it); it is " + (flags == null ? "unset"
          : "'" + flags + "'") + ". Set it, or compile without XLA.");
    }
  }

  /** The session options: the device's on the threads asked for, with the XLA JIT if asked. */
  ConfigProto sessionConfig() {
    ConfigProto config = device.sessionConfig(threads);
    if (!xla) {
      return config;
    }
    return config.toBuilder().setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(
        OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)))
        .build();
  }
}
