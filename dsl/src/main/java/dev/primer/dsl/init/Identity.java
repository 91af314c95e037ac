package dev.primer.dsl.init;

import java.util.Optional;

/**
 * {@code gain} times the identity matrix: W[i][j] = gain if i == j, else 0; for a rectangular
 * [rows, cols] block the ones lie on the main diagonal. 2-D parameters only. Useful for residual
 * or recurrent weights that should start as a pass-through (Le, Jaitly and Hinton 2015).
 */
public record Identity(double gain) implements Sampler {

  /** Checks that {@code gain} is finite. */
  public Identity {
    if (!Double.isFinite(gain)) {
      throw new IllegalArgumentException("identity: gain must be finite, got " + gain);
    }
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return RankRule.check(rank == 2, "identity needs a 2-D parameter", role, rank);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.identity(this);
  }
}
