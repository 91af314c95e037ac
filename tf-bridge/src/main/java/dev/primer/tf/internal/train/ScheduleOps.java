package dev.primer.tf.internal.train;

import dev.primer.tf.train.LearningRate;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Every {@link LearningRate} as one graph formula over seven numbers, so that a fit with another
 * schedule only assigns new numbers (no new ops). With t the optimizer's step (float32):
 * <pre>
 *   p = [initial, base, period, staircase, cosine, floor, warmup]
 *   u = max(t - warmup, 0)
 *   e = staircase ? floor(u / period) : u / period
 *   c = floor + (1 - floor) * (1 + cos(pi * min(u, period) / period)) / 2
 *   rate = t &lt; warmup ? initial * t / warmup
 *                       : initial * (cosine ? c : base^e)
 * </pre>
 * the choices made by multiplying with the 0/1 flags (exact in float32) and a select. A
 * schedule maps to:
 * constant(r) = [r, 1, 1, 0, 0, 0, 0]; step(r, f, k) = [r, f, k, 1, 0, 0, 0];
 * exponential(r, d, k) = [r, d, k, 0, 0, 0, 0]; cosine(r, k, a) = [r, 1, k, 0, 1, a, 0];
 * s.withWarmup(w) = s's numbers with warmup = w. These are {@link LearningRate}'s formulas; its
 * {@link LearningRate#at} computes them in double.
 */
final class ScheduleOps {
  /** How many numbers a schedule is. */
  static final int SIZE = 7;

  private ScheduleOps() {
    throw new AssertionError("no instances");
  }

  /** The numbers of {@code rate}, in the order above. */
  static float[] parameters(LearningRate rate) {
    return rate.accept(new LearningRate.Visitor<float[]>() {
      @Override
      public float[] constant(LearningRate.Constant c) {
        return numbers(c.rate(), 1, 1, 0, 0, 0);
      }

      @Override
      public float[] step(LearningRate.StepDecay s) {
        return numbers(s.initial(), s.factor(), s.everySteps(), 1, 0, 0);
      }

      @Override
      public float[] exponential(LearningRate.ExponentialDecay e) {
        return numbers(e.initial(), e.decayRate(), e.decaySteps(), 0, 0, 0);
      }

      @Override
      public float[] cosine(LearningRate.CosineDecay c) {
        return numbers(c.initial(), 1, c.decaySteps(), 0, 1, c.floorFraction());
      }

      @Override
      public float[] warmup(LearningRate.Warmup w) {
        float[] p = parameters(w.then());
        p[6] = w.steps();
        return p;
      }
    });
  }

  private static float[] numbers(double initial, double base, double period, double staircase,
      double cosine, double floor) {
    return new float[] {(float) initial, (float) base, (float) period, (float) staircase,
        (float) cosine, (float) floor, 0};
  }

  /**
   * The rate at step {@code t} from the seven numbers {@code p} (scalars, read from a
   * variable), by the formula above.
   */
  static Operand<TFloat32> rate(Ops tf, List<Operand<TFloat32>> p, Operand<TFloat32> t) {
    Operand<TFloat32> initial = p.get(0);
    Operand<TFloat32> base = p.get(1);
    Operand<TFloat32> period = p.get(2);
    Operand<TFloat32> staircase = p.get(3);
    Operand<TFloat32> cosine = p.get(4);
    Operand<TFloat32> floor = p.get(5);
    Operand<TFloat32> warmup = p.get(6);
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> u = tf.math.maximum(tf.math.sub(t, warmup), tf.constant(0f));
    Operand<TFloat32> e = tf.math.div(u, period);
    Operand<TFloat32> exponent = tf.math.add(tf.math.mul(staircase, tf.math.floor(e)),
        tf.math.mul(tf.math.sub(one, staircase), e));
    Operand<TFloat32> decay = tf.math.pow(base, exponent);
    Operand<TFloat32> half = tf.math.mul(tf.constant(0.5f), tf.math.add(one, tf.math.cos(
        tf.math.mul(tf.constant((float) Math.PI), tf.math.div(tf.math.minimum(u, period),
            period)))));
    Operand<TFloat32> cosineFactor =
        tf.math.add(floor, tf.math.mul(tf.math.sub(one, floor), half));
    Operand<TFloat32> factor = tf.math.add(tf.math.mul(cosine, cosineFactor),
        tf.math.mul(tf.math.sub(one, cosine), decay));
    Operand<TFloat32> warm = tf.math.div(tf.math.mul(initial, t), tf.math.maximum(warmup, one));
    return tf.withName("learning_rate").select(tf.math.less(t, warmup), warm,
        tf.math.mul(initial, factor));
  }
}
