package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import java.util.List;
import java.util.Optional;

/**
 * A layer of a compiled spec: its place, name, shapes and resolved parameters.
 *
 * @param index position in the net, from 0
 * @param name unique in the net, per kind: {@code dense_0}, {@code dense_1}, {@code conv2d_0}
 * @param spec the layer, its activation and the initializers named for it
 * @param input shape of one example entering it
 * @param output shape of one example leaving it
 * @param autoActivation the activation AUTO looked at for its kernel, if any
 * @param parameters in the layer's fixed order (kernel, recurrent kernel, bias; or batch norm's)
 */
public record ResolvedLayer(
    int index, String name, LayerSpec spec, Shape input, Shape output,
    Optional<Activation> autoActivation, List<Parameter> parameters) {

  /** Copies {@code parameters}. */
  public ResolvedLayer {
    parameters = List.copyOf(parameters);
  }

  /** The method name of the layer kind: {@code dense}. */
  public String kind() {
    return spec.layer().kind();
  }

  /** The parameter of this role, if the layer has one. */
  public Optional<Parameter> parameter(Role role) {
    return parameters.stream().filter(p -> p.role() == role).findFirst();
  }

  /** Whether training leaves its parameters as they are: see {@code NetSpec.frozen()}. */
  public boolean frozen() {
    return spec.frozen();
  }

  /**
   * The parameters gradients update: those whose role is trainable (not batch norm's moving
   * statistics), none if the layer is frozen.
   */
  public List<Parameter> trainableParameters() {
    return frozen() ? List.of() : parameters.stream().filter(Parameter::trainable).toList();
  }

  /** Number of values in all its parameters. */
  public long parameterCount() {
    return parameters.stream().mapToLong(Parameter::size).sum();
  }
}
