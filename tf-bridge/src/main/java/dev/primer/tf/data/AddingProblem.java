package dev.primer.tf.data;

import dev.primer.dsl.base.Checks;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Seeds;
import java.util.SplittableRandom;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997, "Long Short-Term Memory", experiment 4;
 * the form of Le, Jaitly and Hinton 2015 and Arjovsky et al. 2016): a task whose answer depends
 * on two inputs far apart in time, so a recurrent net can solve it only if its gradient carries
 * back over the whole sequence.
 *
 * <p>An example is a sequence of {@code length} steps of two features: a value drawn from
 * U[0, 1] and a marker that is 1 at exactly two steps and 0 elsewhere. The first marked step is
 * drawn uniformly from the first half of the sequence, the second from the second half. The
 * target is the sum of the two marked values, one real number in [0, 2].
 *
 * <p>Predicting the constant 1 (the target's mean) gives a mean squared error of Var(u1 + u2)
 * = 2/12 = 0.1667: {@link #BASELINE_MSE}. A net that has learned nothing about the markers
 * stays there; one that solves the task goes well below it (the papers count an MSE under
 * 0.01 as solved).
 */
public final class AddingProblem {
  /** The mean squared error of always predicting 1: the variance of the sum of two U[0,1]. */
  public static final double BASELINE_MSE = 2.0 / 12.0;

  private AddingProblem() {
    throw new AssertionError("no instances");
  }

  /**
   * {@code examples} sequences of {@code length} steps (example shape {@code [length, 2]},
   * target width 1), the same for the same arguments.
   *
   * @throws IllegalArgumentException if {@code examples < 1} or {@code length < 2}
   */
  public static InMemoryDataset generate(int examples, int length, long seed) {
    Checks.positive("adding problem", "examples", examples);
    if (length < 2) {
      throw new IllegalArgumentException(
          "adding problem: length must be at least 2 (one marker in each half), got " + length);
    }
    SplittableRandom random = new SplittableRandom(Seeds.forPurpose(seed, "adding problem"));
    float[] features = new float[Math.multiplyExact(Math.multiplyExact(examples, length), 2)];
    float[] targets = new float[examples];
    int half = length / 2;
    for (int e = 0; e < examples; e++) {
      int base = e * length * 2;
      for (int t = 0; t < length; t++) {
        features[base + 2 * t] = (float) random.nextDouble();
      }
      int first = random.nextInt(half);
      int second = half + random.nextInt(length - half);
      features[base + 2 * first + 1] = 1f;
      features[base + 2 * second + 1] = 1f;
      targets[e] = features[base + 2 * first] + features[base + 2 * second];
    }
    return InMemoryDataset.ofTargets(features, Shape.of(length, 2), targets, 1);
  }
}
