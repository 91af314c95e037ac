package dev.primer.tf.diagnose;

/**
 * The gradient of the loss with respect to one parameter, at initialization on the probe batch.
 *
 * @param parameter the parameter's name: {@code dense_0/kernel}
 * @param norm the Frobenius norm, {@code sqrt(sum g^2)}
 * @param rms the norm per value, {@code norm / sqrt(size)}, which compares fairly between
 *     parameters of different sizes
 */
public record GradientStat(String parameter, double norm, double rms) {}
