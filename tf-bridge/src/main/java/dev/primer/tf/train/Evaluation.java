package dev.primer.tf.train;

/**
 * Loss and accuracy of a model on a data set, at inference (dropout off, batch norm's moving
 * statistics).
 *
 * @param loss mean loss per example
 * @param accuracy fraction of examples classified right, as {@link Loss} defines it for the
 *     loss (largest output, or sigmoid thresholded at 0.5 for binary cross-entropy); NaN when
 *     the targets have one value each, except for binary cross-entropy
 * @param examples how many examples were evaluated
 */
public record Evaluation(double loss, double accuracy, int examples) {}
