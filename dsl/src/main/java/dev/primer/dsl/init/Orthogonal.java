package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;
import java.util.Optional;

/**
 * A random (semi-)orthogonal matrix times {@code gain} (Saxe, McClelland and Ganguli 2014).
 *
 * <p>The block is flattened to a matrix of {@code rows = product of all dimensions but the last}
 * and {@code cols = last dimension} (as Keras does). Draw A ~ N(0, 1) of shape
 * [max(rows, cols), min(rows, cols)], factor A = QR, fix the signs so the distribution is uniform
 * over orthogonal matrices (Q := Q * sign(diag(R))), transpose if rows &lt; cols, and multiply by
 * gain. Then
 * <pre>
 *   rows &gt;= cols:  W^T W = gain^2 I   (orthonormal columns)
 *   rows &lt;  cols:  W W^T = gain^2 I   (orthonormal rows)
 * </pre>
 * An orthogonal map preserves the norm of every input, so deep linear nets neither shrink nor
 * blow up the signal; the usual choice for recurrent weights.
 */
public record Orthogonal(double gain) implements Sampler {

  /** Checks that {@code gain} is &gt; 0. */
  public Orthogonal {
    Checks.positive("orthogonal", "gain", gain);
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return RankRule.check(rank >= 2, "orthogonal needs a parameter of rank >= 2", role, rank);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.orthogonal(this);
  }
}
