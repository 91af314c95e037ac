/**
 * Initial values as TensorFlow ops: each resolved sampler of {@code dsl} emitted with stateless
 * random ops keyed per parameter block. Formulas and fans stay in {@code dsl}.
 */
package dev.primer.tf.init;
