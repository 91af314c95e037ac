/**
 * Training: the loop ({@link dev.primer.tf.train.Trainer}, which {@code Model.fit} runs), what it
 * takes (fit options, a sealed family of optimizers, losses, a listener that may stop training,
 * early stopping) and what it gives (per-epoch statistics, evaluations with class metrics for
 * class targets, the fit result: completed, stopped with its reason, or diverged with the weights
 * given back). The ops behind them live in {@code dev.primer.tf.internal.train}.
 */
package dev.primer.tf.train;
