/**
 * Input paths that {@code Model.fit} is measured against by {@code primer bench}; not for
 * training.
 */
package dev.primer.tf.bench;
