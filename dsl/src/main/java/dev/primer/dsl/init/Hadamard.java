package dev.primer.dsl.init;

import java.util.Optional;

/**
 * The top-left [rows, cols] block of the Sylvester-Hadamard matrix H_p times {@code gain}, p =
 * 2^ceil(log2(max(rows, cols))):
 * <pre>
 *   W[a][b] = gain * (-1)^popcount(a AND b)        0 &lt;= a &lt; rows, 0 &lt;= b &lt; cols
 * </pre>
 * (H_1 = [1], H_2p = [[H_p, H_p], [H_p, -H_p]]; its entry (a, b) is -1 exactly when a and b share
 * an odd number of set bits.) Deterministic, entries +-gain only. H_p H_p^T = p I, so with
 * p = rows = cols and gain 1/sqrt(p) the matrix is orthogonal. ZerO (see {@link ZerO}) uses it
 * for the layers that widen the signal, where a partial identity would leave the added units
 * identical to each other (Zhao, Schaefer and Anandkumar 2021, Theorem 1). 2-D parameters only.
 *
 * @param gain the value of a +1 entry, finite
 */
public record Hadamard(double gain) implements Sampler {

  /** Checks that {@code gain} is finite. */
  public Hadamard {
    if (!Double.isFinite(gain)) {
      throw new IllegalArgumentException("hadamard: gain must be finite, got " + gain);
    }
  }

  /** The entry (a, b) of H_p, for any p above a and b: (-1)^popcount(a AND b). */
  public static int sign(int a, int b) {
    return Integer.bitCount(a & b) % 2 == 0 ? 1 : -1;
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return RankRule.check(rank == 2, "hadamard needs a 2-D parameter", role, rank);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.hadamard(this);
  }
}
