package dev.primer.dsl.init;

import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import java.util.Locale;

/**
 * T-Fixup (Huang, Perez, Ba and Volkovs, "Improving Transformer Optimization Through Better
 * Initialization", ICML 2020): trains a transformer without layer normalization and without
 * learning-rate warm-up by scaling the weights whose outputs pile up on the residual stream.
 * With N transformer blocks (N = L / 2 for L residual branches: an attention branch and an MLP
 * branch per block):
 * <pre>
 *   every weight                     Xavier (Glorot) uniform: U(-l, l), l = sqrt(6 / (fan_in +
 *                                    fan_out))
 *   input embeddings [vocab, d]      N(0, std^2), std = d^(-1/2) (the paper's N(0, d^(-1/2)),
 *                                    as its fairseq code draws it), times (9 N)^(-1/4) in
 *                                    an encoder and a decoder alike
 *   scaled by s: the value and output projections of attention and the MLP weights (every
 *   kernel inside a residual branch); the query and key projections are not
 *     ENCODER   s = 0.67 N^(-1/4)
 *     DECODER   s = (9 N)^(-1/4)
 *   bias                             zeros
 * </pre>
 * (Scaling Xavier uniform by s is U(-s l, s l), variance s^2 / fan_avg.) The paper derives the
 * factors from the condition that Adam's first updates change each block's output by O(1/N):
 * without layer norm, the residual sums and the softmax inputs of attention then stay bounded and
 * warm-up is not needed. Without
 * residual branches (L = 0) there is nothing to scale: plain Xavier. Kernels outside every
 * branch (an input projection, the output head) are Xavier, unscaled.
 *
 * <p>The embedding rule is {@link #embedding}, for token tables and for learned position
 * tables alike (the paper's positions are sinusoidal, with nothing to draw; a learned table is
 * an input embedding added to the token's, so it takes the same scale). Attention's value and
 * output projections take the branch factor s as kernels inside a branch do; its query and key
 * projections stay plain Xavier.
 *
 * @param stack whether the blocks form an encoder or a decoder (the paper's two factors)
 */
public record TFixup(Stack stack) implements NetScheme {

  /** Which of the paper's two factors applies. */
  public enum Stack {
    /** An encoder (self-attention over the whole sequence): s = 0.67 N^(-1/4). */
    ENCODER,
    /** A decoder (causal self-attention, and attention over an encoder): s = (9 N)^(-1/4). */
    DECODER;

    /** The name in the text form, the constant's in lower case: {@code encoder}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The factor s for {@code blocks} transformer blocks N &gt; 0. */
    public double scale(double blocks) {
      return switch (this) {
        case ENCODER -> 0.67 * Math.pow(blocks, -0.25);
        case DECODER -> Math.pow(9 * blocks, -0.25);
      };
    }
  }

  /** Checks that a stack is given. */
  public TFixup {
    if (stack == null) {
      throw new IllegalArgumentException("t_fixup: stack (encoder or decoder) is required");
    }
  }

  /** s for a parameter at {@code place}: the stack's factor with N = L / 2, or 1 when L = 0. */
  public double scale(Place place) {
    return place.residualBranches() == 0 ? 1 : stack.scale(place.residualBranches() / 2.0);
  }

  /**
   * An input embedding [vocab, dim] at {@code place}: N(0, (s dim^(-1/2))^2) with s = (9 N)^(-1/4)
   * for both stacks (the paper scales "input embeddings x and y in encoder and decoder" so), 1
   * without residual branches.
   */
  public Normal embedding(int dim, Place place) {
    double s = place.residualBranches() == 0 ? 1
        : Stack.DECODER.scale(place.residualBranches() / 2.0);
    return new Normal(0, s / Math.sqrt(dim));
  }

  @Override
  public Init choose(Target target) {
    Place place = target.place();
    return switch (target.role()) {
      case KERNEL, VALUE_KERNEL, OUTPUT_KERNEL ->
          place.inBranch() ? xavier(scale(place)) : Inits.GLOROT_UNIFORM;
      // the paper leaves the query and key projections unscaled: they only weigh positions
      case QUERY_KERNEL, KEY_KERNEL -> Inits.GLOROT_UNIFORM;
      case EMBEDDINGS, POSITION_EMBEDDINGS -> embedding(target.shape()[1], place);
      case BIAS -> Inits.ZEROS;
      // weights other helpers add (attention projections): Xavier, scaled inside a branch
      default -> target.rank() >= 2
          ? place.inBranch() ? xavier(scale(place)) : Inits.GLOROT_UNIFORM
          : Inits.AUTO.choose(target);
    };
  }

  /** Xavier uniform with every value multiplied by {@code s}: variance s^2 / fan_avg. */
  private static VarianceScaling xavier(double s) {
    return new VarianceScaling(s * s, FanMode.FAN_AVG, Distribution.UNIFORM);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.tFixup(this);
  }
}
