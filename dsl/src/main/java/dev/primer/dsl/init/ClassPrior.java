package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;

/**
 * The output layer's bias from the class frequencies of the training targets, so the untrained
 * net already predicts each class as often as it occurs instead of uniformly: the first steps
 * then learn features rather than the label counts, and rare classes start rare (Lin et al. 2017,
 * the prior bias of focal loss; Karpathy 2019, "init well"). Pre-init: zeros. Then, from the
 * targets of the whole training set (n examples, one row of class values each):
 * <pre>
 *   p_k = (sum over examples of target_k) / n      the frequency of class k for one-hot rows
 *   p_k := max(p_k, 1 / (2n))                      a class absent from the data counts as half an
 *                                                  example, so its bias is finite (rare, not
 *                                                  impossible)
 *   softmax, or no activation (logits):  b_k = log p_k
 *   sigmoid:                             b_k = log(p_k / (1 - p_k)),  p_k at most 1 - 1/(2n)
 * </pre>
 * so softmax(b) = p exactly when every class occurs, and sigmoid(b_k) = p_k. The logits are not
 * centred: softmax does not change when a constant is added to every logit, so log p_k is kept
 * as it is. The rows of the targets must sum to 1 (one-hot labels or class probabilities).
 *
 * <p>Only the bias of the net's last layer, when that layer outputs one value per class (its
 * output has as many values as its bias) and ends with softmax, sigmoid or no activation;
 * checked when the net is resolved. The number of classes is checked against the data.
 */
public record ClassPrior() implements DataInit {

  /** How the output turns the bias into a class probability. */
  public enum Link {
    /** softmax, or logits for softmax cross-entropy: b_k = log p_k. */
    LOG,
    /** sigmoid, one independent probability per class: b_k = log(p_k / (1 - p_k)). */
    LOGIT;

    /**
     * The link of an output layer ending with {@code activation}.
     *
     * @throws IllegalArgumentException for an activation other than softmax, sigmoid or linear
     */
    public static Link of(Optional<Activation> activation) {
      if (activation.isEmpty()) {
        return LOG;
      }
      return switch (activation.get().kind()) {
        case SOFTMAX, LINEAR -> LOG;
        case SIGMOID -> LOGIT;
        default -> throw new IllegalArgumentException("class_prior needs the last layer to end"
            + " with softmax, sigmoid or no activation, got " + activation.get().text());
      };
    }
  }

  /** Zeros until the data is seen; recurrent layers are refused (their bias is inside the cell). */
  @Override
  public Init choose(Target target) {
    if (target.cell() != Cell.NONE) {
      throw new IllegalArgumentException("class_prior sets the bias of a dense or conv2d output"
          + " layer; a recurrent layer's bias is inside its cell");
    }
    return Inits.ZEROS;
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return role != Role.BIAS
        ? Optional.of("class_prior sets a bias from the class frequencies, not a "
            + role.paramName() + "; name it for the output layer's bias: bias(class_prior)")
        : Optional.empty();
  }

  @Override
  public Optional<String> misplaced(boolean lastLayer, Optional<Activation> activation,
      long outputValues, long parameterValues) {
    if (!lastLayer) {
      return Optional.of("class_prior sets the bias of the net's last layer from the class"
          + " frequencies; this is not the last layer");
    }
    if (outputValues != parameterValues) {
      return Optional.of("class_prior needs one output per class: the layer outputs "
          + outputValues + " values per example, its bias has " + parameterValues);
    }
    try {
      Link.of(activation);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * The bias for these class totals, by the formulas above.
   *
   * @param classTotals per class, the sum over the examples of its target value
   * @param examples n, the number of examples summed
   * @param link how the output layer turns the bias into probabilities
   * @throws IllegalArgumentException if a total is negative or not finite, or n &lt; 1
   */
  public static double[] bias(double[] classTotals, long examples, Link link) {
    if (examples < 1) {
      throw new IllegalArgumentException("class_prior needs at least one example, got "
          + examples);
    }
    double floor = 1.0 / (2.0 * examples);
    double[] bias = new double[classTotals.length];
    for (int k = 0; k < bias.length; k++) {
      if (!(classTotals[k] >= 0) || Double.isInfinite(classTotals[k])) {
        throw new IllegalArgumentException("class_prior: the targets of class " + k
            + " sum to " + classTotals[k] + "; they must be >= 0 and finite");
      }
      double p = Math.max(classTotals[k] / examples, floor);
      bias[k] = switch (link) {
        case LOG -> Math.log(p);
        case LOGIT -> {
          double q = Math.min(p, 1 - floor);
          yield Math.log(q / (1 - q));
        }
      };
    }
    return bias;
  }

  @Override
  public String label(String preInit) {
    return "class_prior: " + preInit + ", then log class frequencies";
  }

  @Override
  public <R> R accept(DataInit.Visitor<R> visitor) {
    return visitor.classPrior(this);
  }
}
