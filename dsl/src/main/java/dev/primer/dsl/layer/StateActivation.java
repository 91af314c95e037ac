package dev.primer.dsl.layer;

/**
 * The nonlinearity inside a simple recurrent layer's recurrence, h_t = φ(x_t W + h_{t-1} U + b).
 *
 * <p>{@link #TANH} is the Elman net's and Keras's default. {@link #RELU} with an identity
 * recurrent kernel and zero bias is the IRNN of Le, Jaitly and Hinton (2015), "A Simple Way to
 * Initialize Recurrent Networks of Rectified Linear Units": where a unit is active its
 * derivative is exactly 1, so with U = I the gradient passes back through time unchanged at
 * initialization, while tanh's derivative (below 1 away from 0) shrinks it at every step.
 */
public enum StateActivation {
  /** φ = tanh: the state stays in (−1, 1). */
  TANH,
  /** φ = max(0, ·): the state is unbounded; with U = I, an IRNN. */
  RELU
}
