/**
 * How {@code primer compare} presents a comparison (run by the library's
 * {@code dev.primer.tf.compare.Comparison}): the printed table and the CSV and JSON result files.
 */
package dev.primer.samples.compare;
