package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.ParameterShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec with its input shape known and every decision made: the shape after each layer, each
 * layer's name and each parameter's samplers. What the TensorFlow bridge compiles and what
 * {@link #summary()} prints.
 */
public record ResolvedNet(Shape input, List<ResolvedLayer> layers) {

  public ResolvedNet {
    layers = List.copyOf(layers);
  }

  /**
   * Resolves {@code layers} for examples of shape {@code input}.
   *
   * @throws SpecException naming the layer (index and kind), the rule and the value received
   */
  public static ResolvedNet of(Shape input, List<LayerSpec> layers, NetDefaults defaults) {
    List<ResolvedLayer> resolved = new ArrayList<>();
    Map<String, Integer> perKind = new HashMap<>();
    Shape shape = input;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec spec = layers.get(i);
      try {
        Shape output = spec.layer().outputShape(shape);
        int ordinal = perKind.merge(spec.layer().nameStem(), 1, Integer::sum) - 1;
        String name = spec.layer().nameStem() + "_" + ordinal;
        Optional<Activation> auto = autoActivation(layers, i);
        List<ParameterShape> declared = spec.layer().parameters(shape);
        Shape kernelShape = declared.stream().filter(p -> p.role() == Role.KERNEL)
            .map(ParameterShape::shape).findFirst()
            .orElse(declared.isEmpty() ? shape : declared.get(0).shape());
        List<Parameter> parameters = new ArrayList<>();
        for (ParameterShape p : declared) {
          Parameter parameter = InitResolver.resolve(
              name, spec, p.role(), p.shape(), kernelShape, auto, defaults);
          boolean last = i == layers.size() - 1;
          parameter.dataInit()
              .flatMap(d -> d.misplaced(last, spec.activation(), output.size(), parameter.size()))
              .ifPresent(rule -> {
                throw new IllegalArgumentException(rule);
              });
          parameters.add(parameter);
        }
        resolved.add(new ResolvedLayer(i, name, spec, shape, output, auto, parameters));
        shape = output;
      } catch (SpecException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw SpecException.atLayer(i, spec.layer().kind(), e.getMessage());
      }
    }
    return new ResolvedNet(input, resolved);
  }

  /**
   * The activation AUTO looks at for layer {@code i}: its own, or else the first one after it
   * past layers that do not mix units (batch norm, dropout, pooling, flatten, reshape).
   */
  static Optional<Activation> autoActivation(List<LayerSpec> layers, int i) {
    if (layers.get(i).activation().isPresent()) {
      return layers.get(i).activation();
    }
    for (int j = i + 1; j < layers.size() && !layers.get(j).layer().mixesUnits(); j++) {
      if (layers.get(j).activation().isPresent()) {
        return layers.get(j).activation();
      }
    }
    return Optional.empty();
  }

  /** The shape of one example leaving the last layer (the input shape if there is none). */
  public Shape output() {
    return layers.isEmpty() ? input : layers.get(layers.size() - 1).output();
  }

  /** Every parameter, layer by layer. */
  public List<Parameter> parameters() {
    return layers.stream().flatMap(l -> l.parameters().stream()).toList();
  }

  /** The parameter of this name ({@code dense_0/kernel}), if any. */
  public Optional<Parameter> parameter(String name) {
    return parameters().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The parameters whose init finishes on training data (LSUV, class prior), layer by layer:
   * what {@code Model.initializeFromData} runs.
   */
  public List<Parameter> dataDependent() {
    return parameters().stream().filter(Parameter::dataDependent).toList();
  }

  /** Number of values in all parameters. */
  public long parameterCount() {
    return parameters().stream().mapToLong(Parameter::size).sum();
  }

  /** Number of values that gradients update. */
  public long trainableCount() {
    return parameters().stream().filter(Parameter::trainable).mapToLong(Parameter::size).sum();
  }

  /** The table of layers: see {@link Summary}. */
  public String summary() {
    return Summary.of(this);
  }
}
