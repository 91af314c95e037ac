/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). Every initializer of
 * {@code dsl} as TensorFlow ops ({@link dev.primer.tf.internal.init.InitOps}): stateless random
 * ops keyed by (seed, parameter, block), so the same spec and seed give bitwise-identical
 * initial weights in any JVM.
 */
package dev.primer.tf.internal.init;
