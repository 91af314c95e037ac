package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;
import java.util.Optional;

/**
 * Sparse initialization (Martens 2010): each output unit gets exactly {@code count} nonzero
 * incoming weights, drawn from N(0, std^2); all its other incoming weights are 0. The
 * {@code count} inputs of each unit are chosen uniformly at random without replacement among its
 * fan_in inputs (rows of the block flattened to [fan_in, units]).
 *
 * <p>Unlike dense Gaussian init, the scale of a unit's input does not depend on fan_in, and units
 * are diverse from the start. Martens used count = 15. Kernels only; count must not exceed
 * fan_in (checked when shapes are known).
 */
public record Sparse(int count, double std) implements Sampler {

  /** Checks the arguments: {@code count} &gt; 0, {@code std} &gt; 0 and finite. */
  public Sparse {
    Checks.positive("sparse", "count", count);
    Checks.positiveFinite("sparse", "std", std);
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return RankRule.check(rank >= 2, "sparse needs a kernel of rank >= 2", role, rank);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.sparse(this);
  }
}
