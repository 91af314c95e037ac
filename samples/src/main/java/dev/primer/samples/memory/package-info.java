/**
 * What {@code primer memory} shows a person: the table, results.csv, results.json and the
 * report of a {@link dev.primer.tf.compare.RecurrentMemory} experiment. The experiment itself is
 * library API in tf-bridge.
 */
package dev.primer.samples.memory;
