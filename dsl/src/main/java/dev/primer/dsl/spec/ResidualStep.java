package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;

/**
 * After {@code residual(block)}: the branch's learned scale may follow, then an activation of the
 * sum: {@code residual(dense(64).relu().dense(64)).scaled(0).relu()}.
 */
public final class ResidualStep extends NetSpec implements ActivationStep<NetSpec> {

  ResidualStep(NetSpec spec) {
    super(spec);
  }

  /**
   * Multiplies the branch's output by a learned scalar alpha that starts at {@code initial}:
   * x + alpha f(x). {@code scaled(0)} is SkipInit (De &amp; Smith 2020) and ReZero (Bachlechner
   * et al. 2020): each block starts as the identity and learns how much of its branch to add.
   * The scalar is the parameter {@code block_k/scale} (shape [1], {@code Role.BRANCH_SCALE}).
   *
   * @throws dev.primer.dsl.base.SpecException if {@code initial} is not finite or the residual
   *     is scaled already
   */
  @CheckReturnValue
  public ResidualStep scaled(double initial) {
    return new ResidualStep(withScale(initial));
  }

  /** Applies {@code activation} to the sum: relu(x + f(x)), as in ResNet. */
  @Override
  public NetSpec activation(Activation activation) {
    return withActivation(activation);
  }
}
