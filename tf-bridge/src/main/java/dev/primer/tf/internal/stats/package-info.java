/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). Distributions the
 * comparison's statistics need ({@link dev.primer.tf.internal.stats.StudentT}), in plain Java
 * so that the bridge takes no statistics library at run time.
 */
package dev.primer.tf.internal.stats;
