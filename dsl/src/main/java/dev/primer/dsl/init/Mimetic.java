package dev.primer.dsl.init;

import java.util.Optional;

/**
 * Mimetic initialization of self-attention (Trockman and Kolter 2023, "Mimetic Initialization
 * of Self-Attention Layers", ICML): the four projections of a {@code multiHeadAttention} layer
 * are drawn together so that their products look like those of pretrained transformers,
 * <pre>
 *   W_q W_k^T = alpha1 Z1 + beta1 I        (queries attend to keys like themselves)
 *   W_v W_o   = alpha2 Z2 - beta2 I        (the value-output path starts near -I)
 *   Z1, Z2 [d, d] with independent N(0, 1/d) entries
 * </pre>
 * and each pair is recovered from its product M = U S V^T (singular value decomposition) as
 * <pre>
 *   W_q = U_r S_r^(1/2),  W_k = V_r S_r^(1/2)          [d, D], D = heads * keyDim
 *   W_v = U_r S_r^(1/2),  W_o = (V_r S_r^(1/2))^T      [d, D] and [D, d]
 * </pre>
 * with r = min(d, D) leading singular vectors and the remaining D - r columns zero. So where
 * D &gt;= d the products equal the targets exactly; where D &lt; d they are the targets' best
 * rank-D approximation. The products are those of the whole projections, all heads together
 * (W_q W_k^T = sum over heads h of W_q^h W_k^h^T). Only the four kernels are filled; the biases
 * keep their own init (AUTO: zeros).
 *
 * <p>Defaults: alpha1 = beta1 = 0.7 and alpha2 = beta2 = 0.4, the values the paper uses for
 * its vision transformers. (For language models the paper observes the opposite signs in
 * pretrained GPT-2; negative betas give those.)
 *
 * @param alphaQk alpha1, the weight of the random part of W_q W_k^T
 * @param betaQk beta1, the weight of the identity in W_q W_k^T
 * @param alphaVo alpha2, the weight of the random part of W_v W_o
 * @param betaVo beta2, the weight of the negative identity in W_v W_o
 */
public record Mimetic(double alphaQk, double betaQk, double alphaVo, double betaVo)
    implements Sampler {

  /** The paper's alpha1 = beta1. */
  public static final double DEFAULT_QK = 0.7;
  /** The paper's alpha2 = beta2. */
  public static final double DEFAULT_VO = 0.4;

  /** Checks that all four numbers are finite. */
  public Mimetic {
    for (double x : new double[] {alphaQk, betaQk, alphaVo, betaVo}) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("mimetic: alphas and betas must be finite, got "
            + alphaQk + ", " + betaQk + ", " + alphaVo + ", " + betaVo);
      }
    }
  }

  /** The target of W_q W_k^T (alpha, beta) or W_v W_o (alpha, -beta) for {@code role}. */
  public double alpha(Role role) {
    return role == Role.QUERY_KERNEL || role == Role.KEY_KERNEL ? alphaQk : alphaVo;
  }

  /** The diagonal of the target for {@code role}: beta1, or -beta2 for the value-output pair. */
  public double diagonal(Role role) {
    return role == Role.QUERY_KERNEL || role == Role.KEY_KERNEL ? betaQk : -betaVo;
  }

  /** Fills attention's four projection kernels only. */
  @Override
  public Optional<String> misfit(Role role, int rank) {
    return switch (role) {
      case QUERY_KERNEL, KEY_KERNEL, VALUE_KERNEL, OUTPUT_KERNEL -> Optional.empty();
      default -> Optional.of("mimetic fills the four projection kernels of multiHeadAttention"
          + " together, not a " + role.words());
    };
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.mimetic(this);
  }
}
