/**
 * How {@code primer depth-sweep} presents a depth sweep (run by the library's
 * {@code dev.primer.tf.compare.DepthSweep}: plain ReLU MLPs of growing depth trained with plain
 * SGD under each scheme, the experiment of He et al. (2015) in which a 30-layer ReLU net stalls
 * under Xavier/Glorot init and trains under He init): its table, result files, charts and report.
 */
package dev.primer.samples.sweep;
