package dev.primer.dsl.init;

import dev.primer.dsl.base.Numbers;
import java.util.Optional;

/**
 * Layer-sequential unit-variance initialization, LSUV (Mishkin and Matas, "All you need is a good
 * init", ICLR 2016). First every kernel it fills is drawn as an orthonormal matrix
 * ({@link Orthogonal} with gain 1, the paper's pre-init); then, on a batch of training examples,
 * layer by layer from the input:
 * <pre>
 *   repeat
 *     v = Var(z_L)                 z_L = x W_L + b_L, the layer's output before its activation,
 *                                  variance over every value of the batch (examples, positions
 *                                  and units together)
 *     if |v - 1| &lt; tolerance: stop   (converged)
 *     W_L := W_L / sqrt(v)
 *   at most maxIterations rescalings
 * </pre>
 * Earlier layers are finished first, so each layer is scaled for the signal it will really see.
 * A zero bias makes one rescaling exact (z is linear in W); otherwise a few iterations are
 * needed. The paper uses tolerance 0.1 and at most 10 iterations: the defaults ({@link
 * Inits#LSUV}).
 *
 * <p>The paper measures the output blob of each convolution or inner-product layer; Primer takes
 * the value before the activation (some re-implementations measure after an in-place ReLU).
 * Kernels of dense and conv2d layers only: the paper does not cover recurrent layers, whose input
 * projection feeds sigmoid and tanh gates, and Primer refuses them rather than guess.
 *
 * @param tolerance how far from 1 the variance may end, in (0, 1)
 * @param maxIterations the most rescalings per layer, 1 to {@value #MAX_ITERATIONS}
 */
public record Lsuv(double tolerance, int maxIterations) implements DataInit {

  /** The paper's tolerance on the variance. */
  public static final double DEFAULT_TOLERANCE = 0.1;
  /** The paper's maximum number of rescalings per layer. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;
  /** The largest maxIterations accepted. */
  public static final int MAX_ITERATIONS = 1000;

  /** Checks the arguments: tolerance in (0, 1), max iterations 1 to {@link #MAX_ITERATIONS}. */
  public Lsuv {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException(
          "lsuv: tolerance must be > 0 and < 1, got " + Numbers.format(tolerance));
    }
    if (maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("lsuv: max iterations must be 1 to " + MAX_ITERATIONS
          + ", got " + maxIterations);
    }
  }

  /** The orthonormal pre-init; recurrent layers are refused (see above). */
  @Override
  public Init choose(Target target) {
    if (target.cell() != Cell.NONE) {
      throw new IllegalArgumentException("lsuv scales the kernels of dense and conv2d layers"
          + " (Mishkin and Matas 2016), not of recurrent layers; name another init for this"
          + " layer's kernel, e.g. init(glorot_uniform)");
    }
    return Inits.ORTHOGONAL;
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return role != Role.KERNEL
        ? Optional.of("lsuv scales kernels, not a " + role.paramName())
        : Optional.empty();
  }

  @Override
  public String label(String preInit) {
    return "lsuv(" + Numbers.format(tolerance) + "," + maxIterations + "): " + preInit
        + ", then scaled on data";
  }

  @Override
  public <R> R accept(DataInit.Visitor<R> visitor) {
    return visitor.lsuv(this);
  }
}
