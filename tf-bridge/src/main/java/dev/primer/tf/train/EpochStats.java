package dev.primer.tf.train;

import java.time.Duration;
import java.util.Optional;

/**
 * What one epoch of training gave.
 *
 * @param epoch from 1
 * @param steps training steps in this epoch
 * @param trainLoss mean loss over the epoch's batches, weighted by batch size (as measured
 *     during the epoch, with dropout active; with class weights, the weighted loss)
 * @param trainAccuracy likewise, as {@link Loss} defines accuracy; NaN when the targets have
 *     one value each, except for binary cross-entropy
 * @param validation the evaluation on the validation set after the epoch, if one was given
 * @param elapsed time this epoch took, validation included
 */
public record EpochStats(
    int epoch, long steps, double trainLoss, double trainAccuracy,
    Optional<Evaluation> validation, Duration elapsed) {}
