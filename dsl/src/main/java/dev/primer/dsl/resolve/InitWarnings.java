package dev.primer.dsl.resolve;

import dev.primer.dsl.init.Constant;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Initializer choices that are allowed but almost always a mistake, as one line each for people:
 * what {@code summary} and {@code diagnose} print under their tables. The one place the rule is.
 * <pre>
 *   a constant kernel or recurrent kernel (zeros, ones, constant(c)) in a layer of more than
 *   one unit: every unit gets the same weights, so the same gradient, and they stay copies
 *   (symmetry; see {@link Constant})
 * </pre>
 * Not refused: a constant kernel has uses (a fixed layer, a test), so it is a warning, not an
 * error. Not warned, in a net with residual branches: zeros in the output layer, whose units
 * answer different targets (their gradients h^T (p_j - y_j) differ), and in the last layer of a
 * branch, whose units feed different coordinates of the residual stream: where Fixup and ZerO
 * put them on purpose.
 */
final class InitWarnings {
  private InitWarnings() {
    throw new AssertionError("no instances");
  }

  static List<String> of(ResolvedNet net) {
    List<String> warnings = new ArrayList<>();
    for (ResolvedLayer layer : net.layers()) {
      for (Parameter p : layer.parameters()) {
        boolean kernel = p.role() == Role.KERNEL || p.role() == Role.RECURRENT_KERNEL;
        boolean zeroOnPurpose = layer.place().residualBranches() > 0
            && (layer.place().outputLayer() || layer.place().lastInBranch())
            && p.blocks().stream().allMatch(b -> Inits.ZEROS.equals(b.sampler()));
        if (kernel && p.shape().last() > 1 && !zeroOnPurpose
            && p.blocks().stream().allMatch(b -> b.sampler() instanceof Constant)) {
          warnings.add("warning: layer " + layer.index() + " (" + layer.kind() + "): "
              + p.role().words() + " init " + InitNames.text(p.blocks().get(0).sampler())
              + " gives every unit the same weights, so the same gradient, and they stay copies;"
              + " use a random init (never a constant for kernels)");
        }
      }
    }
    return warnings;
  }
}
