/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). Many runs of one
 * net — a comparison's schemes and seeds — trained together in one graph and one session, one
 * session call per step for all of them, each run bitwise what it is alone ({@link
 * dev.primer.tf.internal.stacked.StackedGraph}), and which runs that holds for ({@link
 * dev.primer.tf.internal.stacked.StackedNet}).
 */
package dev.primer.tf.internal.stacked;
