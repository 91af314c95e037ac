package dev.primer.tf.diagnose;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.Model;
import java.util.Arrays;

/**
 * How far back in a sequence the loss can still reach: for each time step t, the size of the
 * loss's gradient with respect to the input at step t, ‖∂L/∂x_t‖, averaged over the probe's
 * examples. The loss is taken per example (the batch mean times the batch size), so the figures
 * do not shrink with the probe's size.
 *
 * <p>In a recurrent net ∂L/∂x_t = ∂L/∂h_T · ∏_{s=t+1..T} ∂h_s/∂h_{s-1} · ∂h_t/∂x_t: the
 * gradient from the last step passes through one Jacobian of the recurrence per step. When
 * those Jacobians shrink vectors (the recurrent kernel's singular values below 1 times the
 * activation's slope), ‖∂L/∂x_t‖ decays geometrically with the distance T − t and the net cannot
 * learn what depends on early inputs: the vanishing gradient of Hochreiter (1991) and Bengio,
 * Simard and Frasconi (1994). An orthogonal recurrent kernel (Saxe, McClelland and Ganguli 2014)
 * or the identity (Le, Jaitly and Hinton 2015) has all singular values 1, so at initialization
 * the decay comes only from the activation's slope. {@link #decay} is the ratio of the first
 * step's norm to the last's: near 1 when the gradient carries through, orders of magnitude
 * below 1 when it vanishes.
 *
 * @param norms mean ‖∂L/∂x_t‖ for t = 1 .. steps, in order
 */
public record GradientThroughTime(double[] norms) {

  /** Copies {@code norms}. */
  public GradientThroughTime {
    norms = norms.clone();
  }

  /** The per-step norms (a copy). */
  @Override
  public double[] norms() {
    return norms.clone();
  }

  /** How many time steps were measured. */
  public int steps() {
    return norms.length;
  }

  /** ‖∂L/∂x_1‖ / ‖∂L/∂x_T‖: the first step's gradient relative to the last's. */
  public double decay() {
    return norms[0] / norms[norms.length - 1];
  }

  /**
   * Measures {@code model} on {@code probe}, one forward and backward pass with the loss a
   * diagnosis uses ({@link Diagnosis#lossFor}); the weights are not changed.
   *
   * @throws IllegalArgumentException if the net's input is not a sequence ({@code [steps,
   *     features]})
   */
  public static GradientThroughTime measure(Model model, Probe probe) {
    Shape input = probe.exampleShape();
    if (input.rank() != 2) {
      throw new IllegalArgumentException("gradient through time: the input must be a sequence "
          + "[steps, features], got " + input);
    }
    int steps = input.dim(0);
    int features = input.dim(1);
    OnePass pass = OnePass.run(model, probe, Diagnosis.lossFor(model.net()));
    float[] g = pass.inputGradient();
    int count = probe.count();
    double[] norms = new double[steps];
    for (int e = 0; e < count; e++) {
      for (int t = 0; t < steps; t++) {
        double sum = 0;
        int base = (e * steps + t) * features;
        for (int f = 0; f < features; f++) {
          double v = g[base + f] * (double) count; // per-example loss, not the batch mean
          sum += v * v;
        }
        norms[t] += Math.sqrt(sum) / count;
      }
    }
    return new GradientThroughTime(norms);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GradientThroughTime other && Arrays.equals(norms, other.norms);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(norms);
  }

  @Override
  public String toString() {
    return "GradientThroughTime[steps=" + norms.length + ", decay=" + decay() + "]";
  }
}
