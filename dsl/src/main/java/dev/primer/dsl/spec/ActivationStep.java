package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;

/**
 * The activations that may follow a layer that has none yet; each returns the step {@code N}
 * that may follow an activation (no second activation on the same layer).
 *
 * @param <N> the step after an activation
 */
public interface ActivationStep<N> {

  /** Applies {@code activation} to the last layer's output. */
  @CheckReturnValue
  N activation(Activation activation);

  /** max(0, x). */
  @CheckReturnValue
  default N relu() { return activation(Activation.relu()); }

  /** x for x &gt; 0, 0.01 x otherwise (PyTorch's default slope). */
  @CheckReturnValue
  default N leakyRelu() { return activation(Activation.leakyRelu()); }

  /**
   * x for x &gt; 0, alpha x otherwise.
   *
   * @throws IllegalArgumentException if alpha is not in [0, 1)
   */
  @CheckReturnValue
  default N leakyRelu(double alpha) { return activation(Activation.leakyRelu(alpha)); }

  /** x for x &gt; 0, exp(x) - 1 otherwise. */
  @CheckReturnValue
  default N elu() { return activation(Activation.elu()); }

  /**
   * x for x &gt; 0, alpha (exp(x) - 1) otherwise.
   *
   * @throws IllegalArgumentException if alpha is not &gt; 0
   */
  @CheckReturnValue
  default N elu(double alpha) { return activation(Activation.elu(alpha)); }

  /** Scaled ELU; pairs with LeCun normal init (AUTO picks it). */
  @CheckReturnValue
  default N selu() { return activation(Activation.selu()); }

  /** x Phi(x). */
  @CheckReturnValue
  default N gelu() { return activation(Activation.gelu()); }

  /** x sigmoid(x). */
  @CheckReturnValue
  default N swish() { return activation(Activation.swish()); }

  /** tanh(x). */
  @CheckReturnValue
  default N tanh() { return activation(Activation.tanh()); }

  /** 1 / (1 + exp(-x)). */
  @CheckReturnValue
  default N sigmoid() { return activation(Activation.sigmoid()); }

  /** exp(x_i) / sum_j exp(x_j) over the last axis. */
  @CheckReturnValue
  default N softmax() { return activation(Activation.softmax()); }

  /** The identity, written explicitly (AUTO then looks no further). */
  @CheckReturnValue
  default N linear() { return activation(Activation.linear()); }
}
