/**
 * Training: the loop ({@link dev.primer.tf.train.Trainer}, which {@code Model.fit} runs), what it
 * takes (fit options, a sealed family of optimizers, losses, a listener) and what it gives
 * (per-epoch statistics, evaluations, the fit result: completed or diverged). The ops behind them
 * live in {@code dev.primer.tf.internal.train}.
 */
package dev.primer.tf.train;
