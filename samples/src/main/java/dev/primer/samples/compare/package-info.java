/**
 * How {@code primer compare} presents a comparison (run by the library's
 * {@code dev.primer.tf.compare.Comparison}): the printed table and the CSV and JSON result files,
 * written after every finished run and marked complete or not ({@code Completion}), and read
 * back for {@code --resume} ({@code SavedResults}).
 */
package dev.primer.samples.compare;
