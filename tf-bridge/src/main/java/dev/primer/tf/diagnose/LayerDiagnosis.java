package dev.primer.tf.diagnose;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one layer does at initialization on the probe batch. Statistics run over every value of
 * the layer's tensor for the whole batch (examples, positions and units together); a <em>unit</em>
 * is one index of the last axis (a dense layer's neuron, a conv layer's channel).
 *
 * @param index position in the net, from 0
 * @param name {@code dense_0}
 * @param kind {@code dense}
 * @param activation the layer's activation function, if it has one
 * @param outputShape shape of one example leaving the layer
 * @param units size of the last axis
 * @param preActivation moments of the value before the activation (the output when there is none)
 * @param output moments of the output: the values after the activation
 * @param signalGain {@code preActivation.rms() / input.rms()}: how much the signal has grown or
 *     shrunk since the net's input (NaN when the input is all zeros)
 * @param deadFraction relu layers only: the fraction of units whose pre-activation is {@code <= 0}
 *     for every example and position of the batch. Only relu's gradient is exactly zero for
 *     negative input; leakyRelu, elu, gelu and swish units keep a gradient there and cannot die
 *     this way
 * @param saturatedFraction tanh and sigmoid layers only: the fraction of output values beyond
 *     0.95 of the range (tanh |y| &gt; 0.95; sigmoid y &lt; 0.025 or y &gt; 0.975)
 * @param identicalUnits layers with a kernel but the last: how many units duplicate an earlier
 *     unit, that is, have exactly the same parameters and the same gradients (within
 *     {@link Thresholds#identicalTolerance()}); 0 when all differ. The output layer is not
 *     checked: its units answer different targets, so training pulls them apart even when one
 *     batch gives two of them the same gradient (zero weights and two classes equally frequent)
 * @param gradients one per trainable parameter of the layer, in the layer's order
 * @param gradientGain layers with parameters only: the backward signal's gain, {@code |dL/dz|} for
 *     this layer's pre-activation z over the same for the last layer with parameters (norms over
 *     the whole batch; 1 for that layer). Empty when that layer's is zero
 * @param verdicts the problems found; empty when the layer is ok
 */
public record LayerDiagnosis(
    int index, String name, String kind, Optional<Activation> activation, Shape outputShape,
    int units, Moments preActivation, Moments output, double signalGain,
    OptionalDouble deadFraction, OptionalDouble saturatedFraction, OptionalInt identicalUnits,
    List<GradientStat> gradients, OptionalDouble gradientGain, List<Verdict> verdicts) {

  /** Copies {@code gradients} and {@code verdicts}. */
  public LayerDiagnosis {
    gradients = List.copyOf(gradients);
    verdicts = List.copyOf(verdicts);
  }

  /** Whether no verdict fired. */
  public boolean ok() {
    return verdicts.isEmpty();
  }

  /** The verdict of this kind, if it fired. */
  public Optional<Verdict> verdict(Verdict.Kind kind) {
    return verdicts.stream().filter(v -> v.kind() == kind).findFirst();
  }

  /** The gradient of the parameter with this role name ({@code kernel}), if the layer has it. */
  public Optional<GradientStat> gradient(String role) {
    return gradients.stream().filter(g -> g.parameter().equals(name + "/" + role)).findFirst();
  }
}
