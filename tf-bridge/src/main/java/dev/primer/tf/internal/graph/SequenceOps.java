package dev.primer.tf.internal.graph;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.layer.AttentionMask;
import dev.primer.dsl.layer.MultiHeadAttention;
import dev.primer.dsl.layer.SinusoidalPosition;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The ops of the sequence layers on batches [batch, steps, features]: layer norm, embedding,
 * positions, self-attention, and a dense layer applied per position. Formulas in the Javadoc of
 * each layer's record in {@code dev.primer.dsl.layer}. Every op used has a gradient in
 * TensorFlow Java (Mean, SquaredDifference, Rsqrt, GatherV2, Einsum, Softmax, Reshape), checked
 * against finite differences by the tests.
 */
final class SequenceOps {
  private SequenceOps() {
    throw new AssertionError("no instances");
  }

  /** The large negative logit a causal mask adds above the diagonal: softmax weight 0. */
  static final float MASKED = -1e9f;

  /** gamma (x - mean) / sqrt(var + epsilon) + beta over the last axis. */
  static Operand<TFloat32> layerNorm(Ops tf, Operand<TFloat32> x, Operand<TFloat32> gamma,
      Operand<TFloat32> beta, double epsilon) {
    Operand<TInt32> last = tf.constant(-1);
    Operand<TFloat32> mean = tf.math.mean(x, last, Mean.keepDims(true));
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.squaredDifference(x, mean), last, Mean.keepDims(true));
    Operand<TFloat32> normalized = tf.math.mul(tf.math.sub(x, mean),
        tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon))));
    return tf.math.add(tf.math.mul(normalized, gamma), beta);
  }

  /** Row {@code id} of {@code table} for each id of {@code ids} (whole numbers as floats). */
  static Operand<TFloat32> embedding(Ops tf, Operand<TFloat32> ids, Operand<TFloat32> table) {
    return tf.gather(table, tf.dtypes.cast(ids, TInt32.class), tf.constant(0));
  }

  /** x + PE, PE the sinusoidal encoding of {@code input} [steps, d]. */
  static Operand<TFloat32> sinusoidal(Ops tf, Operand<TFloat32> x, Shape input) {
    int steps = input.dim(0);
    int d = input.dim(1);
    Operand<TFloat32> pe = tf.constant(org.tensorflow.ndarray.Shape.of(steps, d),
        DataBuffers.of(SinusoidalPosition.encoding(steps, d), true, false));
    return tf.math.add(x, pe);
  }

  /**
   * x W + b applied to each position of x [batch, steps, features]: as rows [batch * steps,
   * features], then back to [batch, steps, units].
   */
  static Operand<TFloat32> perPosition(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel,
      Operand<TFloat32> bias, int steps, int features, int units) {
    Operand<TFloat32> rows = tf.reshape(x, tf.constant(new int[] {-1, features}));
    Operand<TFloat32> y = tf.nn.biasAdd(tf.linalg.matMul(rows, kernel), bias);
    return tf.reshape(y, tf.constant(new int[] {-1, steps, units}));
  }

  /** The eight parameters of an attention layer, in the order of its record's Javadoc. */
  record AttentionParameters(
      Operand<TFloat32> queryKernel, Operand<TFloat32> queryBias,
      Operand<TFloat32> keyKernel, Operand<TFloat32> keyBias,
      Operand<TFloat32> valueKernel, Operand<TFloat32> valueBias,
      Operand<TFloat32> outputKernel, Operand<TFloat32> outputBias) {}

  /**
   * Multi-head self-attention of x [batch, T, d]: see {@link MultiHeadAttention}. Heads are
   * kept as an axis: Q, K, V [batch, T, h, k]; scores by the Einsum "bqhk,bshk-&gt;bhqs".
   */
  static Operand<TFloat32> attention(Ops tf, MultiHeadAttention a, Shape input,
      Operand<TFloat32> x, AttentionParameters p) {
    int steps = input.dim(0);
    int d = input.dim(1);
    int h = a.heads();
    int k = a.keyDim();
    int[] split = {-1, steps, h, k};
    Operand<TFloat32> q = tf.reshape(
        perPosition(tf, x, p.queryKernel(), p.queryBias(), steps, d, a.width()),
        tf.constant(split));
    Operand<TFloat32> key = tf.reshape(
        perPosition(tf, x, p.keyKernel(), p.keyBias(), steps, d, a.width()), tf.constant(split));
    Operand<TFloat32> v = tf.reshape(
        perPosition(tf, x, p.valueKernel(), p.valueBias(), steps, d, a.width()),
        tf.constant(split));
    Operand<TFloat32> scores = tf.math.mul(tf.linalg.einsum(List.of(q, key), "bqhk,bshk->bhqs"),
        tf.constant((float) (1 / Math.sqrt(k))));
    if (a.mask() == AttentionMask.CAUSAL) {
      scores = tf.math.add(scores, tf.constant(org.tensorflow.ndarray.Shape.of(steps, steps),
          DataBuffers.of(causalMask(steps), true, false)));
    }
    Operand<TFloat32> weights = tf.nn.softmax(scores);
    Operand<TFloat32> mixed = tf.linalg.einsum(List.of(weights, v), "bhqs,bshk->bqhk");
    return perPosition(tf, mixed, p.outputKernel(), p.outputBias(), steps, a.width(), d);
  }

  /** [T, T]: 0 where the key's position s &lt;= the query's q, {@link #MASKED} above. */
  static float[] causalMask(int steps) {
    float[] mask = new float[steps * steps];
    for (int q = 0; q < steps; q++) {
      for (int s = q + 1; s < steps; s++) {
        mask[q * steps + s] = MASKED;
      }
    }
    return mask;
  }
}
