package dev.primer.dsl.init;

import java.util.Optional;

/**
 * ZerO (Zhao, Schaefer and Anandkumar, "ZerO Initialization: Initializing Neural Networks with
 * only Zeros and Ones", TMLR 2022, arXiv 2110.12661): deterministic, no random draw at all. A
 * dense kernel [in, out] (TensorFlow's layout: y = x W) is, by the paper's Algorithm 1:
 * <pre>
 *   out == in   identity                      y = x
 *   out &lt;  in   partial identity:             y_i = x_i for i &lt; out (the first out inputs)
 *               W[i][i] = 1, 0 elsewhere
 *   out &gt;  in   c * the top-left [in, out] block of the Sylvester-Hadamard H_(2^k)
 *               (see {@link Hadamard}), k = ceil(log2(out)), c = 2^(-(k-1)/2)
 *   last layer of a residual branch: zeros, so each block starts as the identity
 *   biases: zeros
 * </pre>
 * The Hadamard part is what ZerO adds to the identity init: when a layer widens the signal, a
 * partial identity would leave the new units at zero, and the paper's Theorem 1 shows such a net
 * stays of low rank in training ("training degeneracy"); H's rows are orthogonal, so they spread
 * the input over every new unit. With out = 2^k the widening layer maps |x|^2 to 2 |x|^2,
 * which a following relu halves on average. (The authors' MNIST notebook uses c = 2^(-k/2) instead,
 * norm-preserving; Primer follows the paper's algorithm.) The output layer gets the same rule as
 * any other: a partial identity onto the first classes. Dense kernels only: the paper's conv
 * form (the identity at the kernel's centre tap) is not implemented.
 */
public record ZerO() implements NetScheme {

  /**
   * c = 2^(-(k-1)/2), k = ceil(log2(out)): the gain of the Hadamard block of a layer widening to
   * {@code out} units.
   */
  public static double hadamardGain(int out) {
    int k = 32 - Integer.numberOfLeadingZeros(out - 1);
    return Math.pow(2, -(k - 1) / 2.0);
  }

  @Override
  public Init choose(Target target) {
    return switch (target.role()) {
      case KERNEL -> {
        int[] shape = target.shape();
        int in = shape[0];
        int out = shape[1];
        yield target.place().lastInBranch()
            ? Inits.ZEROS
            : out <= in ? Inits.IDENTITY : new Hadamard(hadamardGain(out));
      }
      case BIAS -> Inits.ZEROS;
      default -> Inits.AUTO.choose(target);
    };
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return role == Role.KERNEL
        ? RankRule.check(rank == 2, "zer_o fills dense kernels [in, out]", role, rank)
        : Optional.empty();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.zerO(this);
  }
}
