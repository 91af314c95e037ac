package dev.primer.tf.datainit;

import java.util.Locale;

/**
 * What LSUV did to one kernel.
 *
 * @param parameter the kernel, {@code dense_0/kernel}
 * @param layerIndex its layer's position in the net, from 0
 * @param layerKind its layer's kind, {@code dense}
 * @param tolerance how far from 1 the variance was allowed to end
 * @param maxIterations the most rescalings allowed
 * @param iterations the rescalings done (0 when the pre-init already was within tolerance)
 * @param initialVariance the variance of the layer's output before activation on the probe
 *     batch, after the earlier layers were scaled and before this one was
 * @param finalVariance the same after the last rescaling
 * @param converged whether |finalVariance - 1| &lt; tolerance
 */
public record LayerScaling(String parameter, int layerIndex, String layerKind, double tolerance,
    int maxIterations, int iterations, double initialVariance, double finalVariance,
    boolean converged) {

  /**
   * One line for people: {@code dense_0/kernel  layer 0 (dense)  variance 0.0213 -> 1.0000 in 1
   * iteration: within 0.1}.
   */
  public String describe() {
    String outcome = converged ? "within " + tolerance
        : !(initialVariance > 0) || !Double.isFinite(finalVariance)
            ? "not converged: a variance of " + finalVariance + " cannot be scaled to 1"
            : "not converged after " + maxIterations + " iterations (tolerance " + tolerance + ")";
    return String.format(Locale.ROOT, "%s  layer %d (%s)  variance %.4g -> %.4f in %d iteration%s:"
        + " %s", parameter, layerIndex, layerKind, initialVariance, finalVariance, iterations,
        iterations == 1 ? "" : "s", outcome);
  }
}
