package dev.primer.tf.train;

/**
 * Loss and accuracy of a model on a data set, at inference (dropout off, batch norm's moving
 * statistics).
 *
 * @param loss mean loss per example
 * @param accuracy fraction of examples whose largest output is their target's largest value
 *     (NaN when the targets have one value each)
 * @param examples how many examples were evaluated
 */
public record Evaluation(double loss, double accuracy, int examples) {}
