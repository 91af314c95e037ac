package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;

/**
 * GPT-2's scaled initialization (Radford et al., "Language Models are Unsupervised Multitask
 * Learners", 2019, section 2.3: "we scale the weights of residual layers at initialization by a
 * factor of 1/sqrt(N) where N is the number of residual layers"), as in its released code and
 * later GPT-style models: every weight N(0, std^2), std = 0.02, and the output projection of each
 * residual branch (the last weighted layer of the branch, whose output is added to the stream)
 * scaled by 1/sqrt(L), L the number of residual branches. A transformer block has two branches
 * (attention and MLP), so for n blocks that is the usual 1/sqrt(2 n).
 * <pre>
 *   kernel, last layer of a residual branch    N(0, (std / sqrt(L))^2)
 *     (attention: its output projection)
 *   any other weight of rank &gt;= 2 (kernels,    N(0, std^2)    (not truncated)
 *     embeddings, projections)
 *   bias                                       zeros
 *   layer norm gain and bias, branch scales    as AUTO (ones, zeros)
 * </pre>
 * The point: the residual stream is a sum of L branch outputs, so its variance grows with L
 * unless each is scaled by 1/sqrt(L). Not a fan rule: std is the same for every width.
 *
 * @param std the standard deviation of an unscaled weight, &gt; 0 (GPT-2: 0.02)
 */
public record Gpt2(double std) implements NetScheme {

  /** GPT-2's standard deviation, 0.02. */
  public static final double DEFAULT_STD = 0.02;

  /** Checks that {@code std} is finite and &gt; 0. */
  public Gpt2 {
    Checks.positiveFinite("gpt2", "std", std);
  }

  @Override
  public Init choose(Target target) {
    Place place = target.place();
    return switch (target.role()) {
      // attention's output projection is the last one of an attention branch
      case KERNEL, RECURRENT_KERNEL, OUTPUT_KERNEL -> place.lastInBranch()
          ? new Normal(0, std / Math.sqrt(place.residualBranches()))
          : new Normal(0, std);
      case BIAS -> Inits.ZEROS;
      // the weights other helpers add (embeddings, attention projections): rank >= 2 is a weight
      default -> target.rank() >= 2 ? new Normal(0, std) : Inits.AUTO.choose(target);
    };
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.gpt2(this);
  }
}
