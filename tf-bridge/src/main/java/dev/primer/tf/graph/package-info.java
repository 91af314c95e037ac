/**
 * A resolved net as TensorFlow ops: one variable per parameter ({@link
 * dev.primer.tf.graph.NetVariables}), the forward pass per layer kind ({@link
 * dev.primer.tf.graph.ForwardBuilder}, {@link dev.primer.tf.graph.RecurrentOps}), activations and
 * batch shapes.
 */
package dev.primer.tf.graph;
