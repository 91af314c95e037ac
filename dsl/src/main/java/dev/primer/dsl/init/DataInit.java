package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;

/**
 * An initializer that finishes on data: a {@link Rule} whose chosen sampler only pre-initializes
 * the parameter, and whose second step needs examples of the training set. Resolution keeps it on
 * the parameter ({@code dev.primer.dsl.resolve.Parameter#dataInit()}) so the TensorFlow bridge
 * knows to run that step before training; a {@link Visitor} makes the bridge handle every kind.
 * <pre>
 *   lsuv         orthogonal(1), then each kernel rescaled until its layer's output variance on a
 *                data batch is 1 within a tolerance (Mishkin and Matas 2016)
 *   class_prior  zeros, then the output bias set from the class frequencies of the targets
 * </pre>
 * None of Keras, PyTorch, Deeplearning4j, KotlinDL or DJL ships these as initializers.
 */
public sealed interface DataInit extends Rule permits Lsuv, ClassPrior {

  /** Calls the visitor's method for this data-dependent initializer. */
  <R> R accept(Visitor<R> visitor);

  @Override
  default <R> R accept(Init.Visitor<R> visitor) {
    return accept((Visitor<R>) visitor);
  }

  /** One method per data-dependent initializer. */
  interface Visitor<R> {
    /** Visits an {@link Lsuv}. */
    R lsuv(Lsuv l);

    /** Visits a {@link ClassPrior}. */
    R classPrior(ClassPrior c);
  }

  /**
   * The summary label of a parameter filled by this initializer, given the description of its
   * pre-init sampler: {@code lsuv(0.1,10): orthogonal, then scaled on data}.
   */
  String label(String preInit);

  /**
   * Why this initializer cannot fill its parameter at this place in the net, or empty if it can;
   * checked when the net is resolved, once the layer's place and shapes are known.
   *
   * @param lastLayer whether the parameter's layer is the net's last
   * @param activation the activation of the parameter's layer, if any
   * @param outputValues values per example leaving the layer
   * @param parameterValues values of the parameter
   */
  default Optional<String> misplaced(boolean lastLayer, Optional<Activation> activation,
      long outputValues, long parameterValues) {
    return Optional.empty();
  }
}
