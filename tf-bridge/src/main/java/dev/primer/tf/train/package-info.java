/**
 * What training takes and gives: optimizers, losses, fit options, data sets, per-epoch
 * statistics, evaluations, the fit result (completed or diverged), and the ops of an optimizer
 * step and of the losses.
 */
package dev.primer.tf.train;
