/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). Data-dependent
 * initialization run on a compiled model: LSUV's variance and rescale ops, the class prior's
 * assign, the probe batch. What it did is reported through {@link dev.primer.tf.datainit}.
 */
package dev.primer.tf.internal.datainit;
