/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). Many runs of one
 * dense net — a comparison's schemes and seeds — trained together as one graph: stacked
 * parameters, batched products, one session call per step for every run ({@link
 * dev.primer.tf.internal.stacked.StackedGraph}), and which nets that holds for ({@link
 * dev.primer.tf.internal.stacked.StackedNet}).
 */
package dev.primer.tf.internal.stacked;
