/**
 * What an initializer does to a net, seen before training: {@link
 * dev.primer.tf.diagnose.Diagnosis#run} runs one forward and one backward pass of a compiled
 * {@link dev.primer.tf.Model} on a {@link dev.primer.tf.diagnose.Probe} batch and returns a
 * {@link dev.primer.tf.diagnose.DiagnosisReport}: per layer the moments of the values before and
 * after the activation, the signal gain since the input, dead relu units, saturated tanh and
 * sigmoid values, identical units and gradient norms, each judged against one set of {@link
 * dev.primer.tf.diagnose.Thresholds} into {@link dev.primer.tf.diagnose.Verdict}s: exploding,
 * vanishing, dead, saturated, symmetric.
 *
 * <p>The numbers follow initialization theory: through ReLU layers of width n with weights of
 * variance s^2 and zero bias, the activations' second moment is multiplied by n s^2 / 2 per
 * layer, so He (s^2 = 2/n) keeps it, Glorot on square layers (s^2 = 1/n) halves it.
 */
package dev.primer.tf.diagnose;
