package dev.primer.tf.bench;

import dev.primer.tf.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;

/**
 * The machine's raw matrix-product rate through TensorFlow: one {@code MatMul} of two n x n
 * matrices held in variables, run as a session target (nothing fetched), timed over repeated
 * calls; {@code 2 n^3} floating-point operations each. What mixed precision can gain at most on
 * this CPU: the ratio of the {@link Precision#BF16} rate to the {@link Precision#FP32} rate.
 */
public final class MatMulRate {
  private MatMulRate() {
    throw new AssertionError("no instances");
  }

  /**
   * GFLOP/s of an n x n by n x n MatMul in {@code precision}, over {@code repetitions} calls after
   * two untimed ones.
   *
   * @throws IllegalArgumentException for n or repetitions below 1, or {@link Precision#AUTO}
   *     (resolve it first) or {@link Precision#BF16_CONV} (a MatMul under it is fp32)
   */
  public static double gflops(int n, Precision precision, int repetitions) {
    if (n < 1 || repetitions < 1) {
      throw new IllegalArgumentException("matmul rate: n and repetitions must be >= 1, got " + n
          + " and " + repetitions);
    }
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> a = tf.random.statelessRandomNormal(tf.constant(new long[] {n, n}),
          tf.constant(new long[] {1, 2}));
      Operand<TFloat32> b = tf.random.statelessRandomNormal(tf.constant(new long[] {n, n}),
          tf.constant(new long[] {3, 4}));
      Op product = switch (precision) {
        case FP32 -> tf.linalg.matMul(tf.variable(a), tf.variable(b));
        case BF16 -> tf.linalg.matMul(tf.variable(tf.dtypes.cast(a, TBfloat16.class)),
            tf.variable(tf.dtypes.cast(b, TBfloat16.class)));
        case BF16_CONV, AUTO -> throw new IllegalArgumentException(
            "matmul rate: give FP32 or BF16, got " + precision.label()
            + " (BF16_CONV multiplies matrices in fp32; resolve AUTO first)");
      };
      ConfigProto config = ConfigProto.newBuilder().putDeviceCount("GPU", 0).build();
      try (Session session = new Session(graph, config)) {
        session.initialize();
        for (int i = 0; i < 2; i++) {
          session.runner().addTarget(product).run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
          session.runner().addTarget(product).run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return 2.0 * n * n * n * repetitions / seconds / 1e9;
      }
    }
  }
}
