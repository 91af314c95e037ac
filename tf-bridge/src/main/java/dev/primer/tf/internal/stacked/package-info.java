/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). Many runs of one
 * net — a comparison's schemes and seeds — trained together in one graph and one session, one
 * session call per step for all of them, each run the step it takes alone ({@link
 * dev.primer.tf.internal.stacked.StackedGraph}); split into lanes, one such graph per core on a
 * thread of its own ({@link dev.primer.tf.internal.stacked.Lanes}); and which runs that holds
 * for ({@link dev.primer.tf.internal.stacked.StackedNet}).
 */
package dev.primer.tf.internal.stacked;
