package dev.primer.dsl.init;

/**
 * Where a layer sits in the net's residual structure, for the initializers made for deep
 * residual nets and transformers (Fixup, SkipInit, ZerO, T-Fixup, GPT-2's scaled init), which
 * choose a parameter's values from how many residual branches the net has and where in its
 * branch the layer is, not from the parameter's shape alone.
 *
 * <p>A residual branch is the {@code block} of a {@code residual(block)}: the net computes
 * {@code x + block(x)}. Its weighted layers are the layers in it that hold a kernel (dense, conv,
 * recurrent, attention projections), counted in order.
 *
 * @param residualBranches L, the number of residual branches in the whole net (a
 *     {@code repeat(50, residual(...))} counts 50); 0 in a net without any
 * @param branchLayers m, the number of weighted layers in the branch this layer sits in; 0 when
 *     the layer is not inside a residual branch
 * @param indexInBranch the layer's position among its branch's weighted layers, from 0; -1 when
 *     the layer is not inside a residual branch
 * @param outputLayer whether the layer is the net's last weighted layer (the classifier or
 *     regression head), outside every branch
 */
public record Place(int residualBranches, int branchLayers, int indexInBranch,
    boolean outputLayer) {

  /** A layer of a plain chain that is not its last weighted layer. */
  public static final Place PLAIN = new Place(0, 0, -1, false);

  /** The last weighted layer of a plain chain. */
  public static final Place OUTPUT = new Place(0, 0, -1, true);

  /** Checks the counts agree with each other. */
  public Place {
    if (residualBranches < 0 || branchLayers < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got residualBranches "
          + residualBranches + ", branchLayers " + branchLayers);
    }
    if (branchLayers == 0 ? indexInBranch != -1 : indexInBranch < 0 || indexInBranch >= branchLayers) {
      throw new IllegalArgumentException("indexInBranch must be -1 outside a branch and in [0, "
          + "branchLayers) inside one, got " + indexInBranch + " of " + branchLayers);
    }
    if (branchLayers > 0 && (residualBranches == 0 || outputLayer)) {
      throw new IllegalArgumentException(
          "a layer inside a branch needs residualBranches > 0 and is not the output layer");
    }
  }

  /** Whether the layer sits inside a residual branch. */
  public boolean inBranch() {
    return branchLayers > 0;
  }

  /** Whether the layer is the last weighted layer of its residual branch. */
  public boolean lastInBranch() {
    return inBranch() && indexInBranch == branchLayers - 1;
  }
}
