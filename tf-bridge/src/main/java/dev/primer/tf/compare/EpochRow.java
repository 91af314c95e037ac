package dev.primer.tf.compare;

/**
 * What one epoch of one run gave.
 *
 * @param epoch from 1
 * @param trainLoss mean training loss over the epoch's batches
 * @param testLoss mean loss on the test set after the epoch
 * @param testAccuracy fraction of the test set classified correctly after the epoch
 * @param seconds wall time of the run from its start to the end of this epoch's evaluation
 */
public record EpochRow(int epoch, double trainLoss, double testLoss, double testAccuracy,
    double seconds) {}
