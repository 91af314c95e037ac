/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). A resolved net as
 * TensorFlow ops: one variable per parameter ({@link dev.primer.tf.internal.graph.NetVariables}),
 * the forward pass per layer kind ({@link dev.primer.tf.internal.graph.ForwardBuilder}, {@link
 * dev.primer.tf.internal.graph.RecurrentOps}), activations, batch shapes, which value of a net is
 * its logits ({@link dev.primer.tf.internal.graph.Logits}), and a model's compiled graph ({@link
 * dev.primer.tf.internal.graph.CompiledGraph}, reached through {@link
 * dev.primer.tf.internal.graph.ModelGraphs}).
 */
package dev.primer.tf.internal.graph;
