package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Place;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import java.util.List;
import java.util.Optional;

/**
 * A layer of a compiled spec: its place, name, shapes and resolved parameters.
 *
 * <p>A residual is resolved into its branch's layers, then one layer of kind {@code residual}
 * for the sum (see {@link dev.primer.dsl.layer.Residual}): its {@code input} is the shape
 * entering the branch (the skip path's), its {@code output} the sum's, and
 * {@link #branchStart()} the index of the branch's first layer.
 *
 * @param index position in the net's flat list of layers ({@link ResolvedNet#layers()}), from 0
 * @param name unique in the net, per kind and block: {@code dense_0}, {@code dense_1},
 *     {@code block_7}, {@code block_7/dense_1}
 * @param spec the layer, its activation and the initializers named for it
 * @param input shape of one example entering it
 * @param output shape of one example leaving it
 * @param autoActivation the activation AUTO looked at for its kernel, if any
 * @param parameters in the layer's fixed order (kernel, recurrent kernel, bias; or batch norm's;
 *     a residual sum's projection kernel, then its scale)
 * @param place where the layer sits in the net's residual structure (see {@link Place})
 * @param branchStart for a residual sum, the index of its branch's first layer; -1 otherwise
 */
public record ResolvedLayer(
    int index, String name, LayerSpec spec, Shape input, Shape output,
    Optional<Activation> autoActivation, List<Parameter> parameters, Place place,
    int branchStart) {

  /** Copies {@code parameters}. */
  public ResolvedLayer {
    parameters = List.copyOf(parameters);
    java.util.Objects.requireNonNull(place, "place");
  }

  /** A layer of a plain chain ({@link Place#PLAIN}, not a residual sum). */
  public ResolvedLayer(int index, String name, LayerSpec spec, Shape input, Shape output,
      Optional<Activation> autoActivation, List<Parameter> parameters) {
    this(index, name, spec, input, output, autoActivation, parameters, Place.PLAIN, -1);
  }

  /** Whether this is the sum that ends a residual: see {@link #branchStart()}. */
  public boolean residualSum() {
    return branchStart >= 0;
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
