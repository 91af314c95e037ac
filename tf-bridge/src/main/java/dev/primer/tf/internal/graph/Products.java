package dev.primer.tf.internal.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;

/**
 * The number type a forward pass computes its matrix products in (Dense's MatMul on vectors,
 * Conv2D): the one place that casts for mixed precision. Recurrent and sequence layers (dense per
 * position, attention, skip projections) multiply in fp32 whatever the choice.
 *
 * <p>{@link #BF16} (and {@link #BF16_CONV} for convolutions alone) is mixed precision with fp32 master weights (Micikevicius et al. 2018, "Mixed
 * Precision Training"; bf16 after Kalamkar et al. 2019, "A Study of BFLOAT16 for Deep Learning
 * Training"): the input and the kernel are cast to bfloat16 (8 exponent bits like fp32, so no
 * loss scaling is needed; 8 significant bits), multiplied, and the product is cast back to fp32
 * before the bias, activation, loss and softmax, which stay fp32. The variables stay fp32 and
 * the optimizer updates them in fp32: each step rounds the current weights to bf16 afresh, so
 * updates smaller than bf16's resolution still accumulate. The gradients flow through the casts
 * (Cast's gradient is a Cast back), so the backward products run in bf16 too.
 */
public enum Products {
  /** Every product in fp32: the graph a hand-writer would write. */
  FP32,
  /** Products in bf16 from fp32 values, results cast back to fp32. */
  BF16,
  /**
   * Convolutions as {@link #BF16}, MatMul as {@link #FP32}: for CPUs whose bf16 convolutions are
   * fast and whose bf16 MatMul is slow (AVX512-BF16 without AMX).
   */
  BF16_CONV;

  /** {@code x w}, both [.., n] x [n, m], in this precision; the result is fp32. */
  public Operand<TFloat32> matMul(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w) {
    return switch (this) {
      case FP32, BF16_CONV -> tf.linalg.matMul(x, w);
      case BF16 -> tf.dtypes.cast(tf.linalg.matMul(low(tf, x), low(tf, w)), TFloat32.class);
    };
  }

  /** A 2-D convolution of {@code x} (NHWC) by {@code kernel} in this precision; fp32 result. */
  public Operand<TFloat32> conv2d(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel,
      List<Long> strides, String padding) {
    return switch (this) {
      case FP32 -> tf.nn.conv2d(x, kernel, strides, padding);
      case BF16, BF16_CONV -> tf.dtypes.cast(
          tf.nn.conv2d(low(tf, x), low(tf, kernel), strides, padding), TFloat32.class);
    };
  }

  private static Operand<TBfloat16> low(Ops tf, Operand<TFloat32> x) {
    return tf.dtypes.cast(x, TBfloat16.class);
  }
}
