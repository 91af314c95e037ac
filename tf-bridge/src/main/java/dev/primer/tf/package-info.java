/**
 * The bridge from a {@code dsl} spec to TensorFlow Java 1.0.0: {@link dev.primer.tf.Model} compiles a
 * spec, trains, evaluates, predicts, reads and writes weights, saves and loads; {@link
 * dev.primer.tf.Device} says where it runs. The training and evaluation graphs and the data
 * variables behind {@code fit} live here too, package-private.
 */
package dev.primer.tf;
