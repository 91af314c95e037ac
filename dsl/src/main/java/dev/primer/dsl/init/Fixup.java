package dev.primer.dsl.init;

import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;

/**
 * Fixup (Zhang, Dauphin and Ma, "Fixup Initialization: Residual Learning Without
 * Normalization", ICLR 2019): trains deep residual nets without normalization by making each
 * residual branch start small enough that their sum cannot blow up. With L residual branches of
 * m weighted layers each:
 * <pre>
 *   kernel, last layer of a branch         zeros      (the branch starts as 0: x + 0 = x)
 *   kernel, other layer of a branch        He normal scaled by L^(-1/(2m-2)):
 *                                          N(0, 2 / fan_in * L^(-1/(m-1)))
 *   kernel of the output layer             zeros      (the classifier)
 *   kernel, any other layer                He normal: N(0, 2 / fan_in)
 *   bias                                   zeros
 *   branch scale (multiplier)              ones
 * </pre>
 * Why L^(-1/(2m-2)): the paper asks each of the L branches to change the net's output by
 * Theta(eta / L) in an SGD step of rate eta, so that the whole net changes by Theta(eta) whatever
 * its depth. With the last layer at zero, a branch's first update is its last layer's, whose
 * gradient passes through the m - 1 layers before it and whose effect passes through them again:
 * of order s^(2m-2) for weights scaled by s. So s^(2m-2) = 1 / L. For m = 2 (two layers per
 * branch) the first layer's std is sqrt(2 / fan_in) / sqrt(L). The normals are not truncated, as
 * in the paper's code ({@code normal_}); that code divides by fan_out (a conv weight's output
 * channels times its kernel size), He's other mode: Primer uses fan_in, the same for the square
 * layers of the usual branch. Fans as in {@link Fans}; a skip projection (outside the branch) is
 * He, unscaled, as in that code. The paper also adds learned scalar biases before each layer: Primer's layer
 * biases (zeros) play that part. Without residual branches (L = 0) only the output layer is
 * zeroed; every other kernel is He.
 */
public record Fixup() implements NetScheme {

  /**
   * The factor Fixup multiplies a non-final branch layer's He weights by: L^(-1/(2m-2)) for a
   * net of {@code branches} residual branches of {@code layers} weighted layers each; m &gt;= 2.
   */
  public static double branchScale(int branches, int layers) {
    if (branches < 1 || layers < 2) {
      throw new IllegalArgumentException("fixup scales the layers before the last of a branch"
          + " of m >= 2 layers in a net of L >= 1 branches, got L = " + branches + ", m = "
          + layers);
    }
    return Math.pow(branches, -1.0 / (2 * layers - 2));
  }

  @Override
  public Init choose(Target target) {
    Place place = target.place();
    return switch (target.role()) {
      case KERNEL -> place.outputLayer() || place.lastInBranch()
          ? Inits.ZEROS
          : place.inBranch()
              ? heNormal(Math.pow(branchScale(place.residualBranches(), place.branchLayers()), 2))
              : Inits.HE_NORMAL_UNTRUNCATED;
      case BIAS -> Inits.ZEROS;
      case BRANCH_SCALE -> Inits.ONES;
      default -> Inits.AUTO.choose(target);
    };
  }

  private static VarianceScaling heNormal(double factor) {
    return new VarianceScaling(2 * factor, FanMode.FAN_IN, Distribution.NORMAL);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.fixup(this);
  }

  /** Yes: see {@link NetScheme#setsBranchScale}. */
  @Override
  public boolean setsBranchScale() {
    return true;
  }
}
