package dev.primer.dsl.param;

import java.util.Map;

/**
 * A parametrization resolved for one net: a {@link ParameterScale} per parameter that it
 * rescales (by name, {@code dense_1/kernel}) and the multiplier of each layer whose output it
 * scales (by layer name, {@code dense_2}). Parameters and layers not named get every factor 1.
 * What the TensorFlow bridge reads: the optimizer multiplies its rate per parameter, the forward
 * pass multiplies a layer's {@code x W} (before the bias) by its multiplier.
 *
 * @param parametrization what was resolved
 * @param parameters the scale of each rescaled parameter, by name
 * @param outputMultipliers the multiplier of each layer whose output is scaled, by layer name
 */
public record Scaling(Parametrization parametrization, Map<String, ParameterScale> parameters,
    Map<String, Double> outputMultipliers) {

  /** The standard parametrization: nothing rescaled. */
  public static final Scaling STANDARD =
      new Scaling(Parametrization.standard(), Map.of(), Map.of());

  /** Copies the maps. */
  public Scaling {
    java.util.Objects.requireNonNull(parametrization, "parametrization");
    parameters = Map.copyOf(parameters);
    outputMultipliers = Map.copyOf(outputMultipliers);
  }

  /** The scale of the parameter {@code name}: {@link ParameterScale#NONE} if not rescaled. */
  public ParameterScale of(String name) {
    return parameters.getOrDefault(name, ParameterScale.NONE);
  }

  /** The multiplier of layer {@code layerName}'s {@code x W}: 1 if not scaled. */
  public double outputMultiplier(String layerName) {
    return outputMultipliers.getOrDefault(layerName, 1.0);
  }

  /** Whether anything differs from the standard parametrization. */
  public boolean rescales() {
    return !parameters.isEmpty() || !outputMultipliers.isEmpty();
  }
}
