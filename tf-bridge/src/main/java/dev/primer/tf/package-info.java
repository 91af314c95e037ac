/**
 * The bridge from a {@code dsl} spec to TensorFlow Java 1.1.0: {@link dev.primer.tf.Model}
 * compiles a spec and owns its graph, session and weights (read, set, save, load); it trains
 * through {@link dev.primer.tf.train.Trainer}, evaluates and predicts. {@link
 * dev.primer.tf.Device} says where it runs. The graph-building code behind it lives in {@code
 * dev.primer.tf.internal.*}, which no public signature here mentions.
 */
package dev.primer.tf;
