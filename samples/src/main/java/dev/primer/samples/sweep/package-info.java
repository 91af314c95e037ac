/**
 * {@code primer depth-sweep}: plain ReLU MLPs of growing depth trained with plain SGD under each
 * scheme, the experiment of He et al. (2015) in which a 30-layer ReLU net stalls under
 * Xavier/Glorot init and trains under He init.
 */
package dev.primer.samples.sweep;
