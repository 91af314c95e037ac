/**
 * Data sets a model trains on, evaluates on and is initialized from: the {@link
 * dev.primer.tf.data.Dataset} interface (examples of one shape with a row of targets each, read
 * in ranges) and {@link dev.primer.tf.data.InMemoryDataset}, held in Java arrays; the checks that
 * a data set fits a net; the one seeded shuffle ({@link dev.primer.tf.data.Shuffle}) every
 * permutation of examples is drawn with. Pure Java: nothing here touches TensorFlow.
 */
package dev.primer.tf.data;
