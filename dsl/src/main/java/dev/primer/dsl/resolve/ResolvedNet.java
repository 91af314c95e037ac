package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.ParameterShape;
import java.util.ArrayList;
import java.util.Collections;
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

  /** Copies {@code layers}. */
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
    List<String> names = layerNames(layers);
    Shape shape = input;
    long total = 0;
    List<Optional<Activation>> autos = autoActivations(layers);
    SignalPropagation.Signal signal = SignalPropagation.Signal.INPUT;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec spec = layers.get(i);
      ResolvedLayer layer = layer(i, names.get(i), spec, shape,
          autos.get(i), i == layers.size() - 1, defaults, signal.usableMoment());
      total = checkTotal(layer, total);
      resolved.add(layer);
      shape = layer.output();
      signal = SignalPropagation.after(layer, signal);
    }
    return new ResolvedNet(input, resolved);
  }

  /**
   * The name of each layer: its kind's stem and its ordinal among the layers of that stem
   * ({@code dense_0}, {@code dense_1}, {@code conv2d_0}); a parameter's name is the layer's and
   * its role's, {@code dense_1/kernel}. The names of the first layers of a net do not depend on
   * the layers after them.
   */
  public static List<String> layerNames(List<LayerSpec> layers) {
    Map<String, Integer> perKind = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (LayerSpec spec : layers) {
      int ordinal = perKind.merge(spec.layer().nameStem(), 1, Integer::sum) - 1;
      names.add(spec.layer().nameStem() + "_" + ordinal);
    }
    return names;
  }

  /**
   * The parameter count of a net up to and including {@code layer}, when the layers before it
   * hold {@code before}.
   *
   * @throws SpecException naming the layer if the count is past {@link Limits#MAX_PARAMETERS}
   */
  public static long checkTotal(ResolvedLayer layer, long before) {
    long total = before + layer.parameterCount();
    try {
      Limits.checkTotal(total);
    } catch (IllegalArgumentException e) {
      throw SpecException.atLayer(layer.index(), layer.kind(), e.getMessage());
    }
    return total;
  }

  /**
   * Layer {@code i} resolved: the rules of one layer, in one place; how {@link #of} resolves
   * each layer and how a growing spec checks the layers a step can change. What a layer's checks
   * depend on besides itself and the shape entering it: {@code auto}, the activation AUTO looks
   * at (see {@link #autoActivations}; only a dense or conv kernel's AUTO uses it), and whether it
   * is the last layer (class_prior must be).
   *
   * @param name the layer's name in the net ({@code dense_0}), for its parameters' names
   * @throws SpecException naming the layer (index and kind), the rule and the value received
   */
  public static ResolvedLayer layer(int i, String name, LayerSpec spec, Shape shape,
      Optional<Activation> auto, boolean last, NetDefaults defaults) {
    return layer(i, name, spec, shape, auto, last, defaults, 1);
  }

  /**
   * {@link #layer(int, String, LayerSpec, Shape, Optional, boolean, NetDefaults)} with the second
   * moment of the signal entering the layer, as AUTO's signal propagation computed it
   * ({@link SignalPropagation}); the form above assumes 1, enough for checking a layer.
   */
  static ResolvedLayer layer(int i, String name, LayerSpec spec, Shape shape,
      Optional<Activation> auto, boolean last, NetDefaults defaults, double inputMoment) {
    try {
      Shape output = spec.layer().outputShape(shape);
      Limits.checkTensor("output", output);
      List<ParameterShape> declared = spec.layer().parameters(shape);
      for (ParameterShape p : declared) {
        Limits.checkTensor(p.role().words(), p.shape());
      }
      List<Parameter> parameters = new ArrayList<>();
      for (ParameterShape p : declared) {
        // a bias takes the fans of its kernel (attention's query bias those of the query kernel)
        Shape kernelShape = declared.stream().filter(k -> k.role() == p.role().kernelRole())
            .map(ParameterShape::shape).findFirst().orElse(declared.get(0).shape());
        Parameter parameter = InitResolver.resolve(
            name, spec, p.role(), p.shape(), kernelShape, auto, defaults, inputMoment);
        parameter.dataInit()
            .flatMap(d -> d.misplaced(last, spec.activation(), output.size(), parameter.size()))
            .ifPresent(rule -> {
              throw new IllegalArgumentException(rule);
            });
        parameters.add(parameter);
      }
      return new ResolvedLayer(i, name, spec, shape, output, auto, parameters);
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw SpecException.atLayer(i, spec.layer().kind(), e.getMessage());
    }
  }

  /**
   * The activation AUTO looks at for each layer: its own, or else the first one after it past
   * layers that do not mix units (batch norm, dropout, pooling, flatten, reshape). One pass from
   * the end, so a long run of such layers costs linear time.
   */
  static List<Optional<Activation>> autoActivations(List<LayerSpec> layers) {
    List<Optional<Activation>> autos = new ArrayList<>(Collections.nCopies(layers.size(),
        Optional.<Activation>empty()));
    // what a layer before index j finds from j on: the first activation before a mixing layer
    Optional<Activation> ahead = Optional.empty();
    for (int j = layers.size() - 1; j >= 0; j--) {
      LayerSpec layer = layers.get(j);
      autos.set(j, layer.activation().isPresent() ? layer.activation() : ahead);
      ahead = layer.layer().mixesUnits() ? Optional.empty()
          : layer.activation().isPresent() ? layer.activation() : ahead;
    }
    return autos;
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

  /**
   * The parameters gradients update, layer by layer: trainable roles of layers that are not
   * frozen. What every optimizer computes gradients for.
   */
  public List<Parameter> trainableParameters() {
    return layers.stream().flatMap(l -> l.trainableParameters().stream()).toList();
  }

  /** Number of values that gradients update: in {@link #trainableParameters()}. */
  public long trainableCount() {
    return trainableParameters().stream().mapToLong(Parameter::size).sum();
  }

  /** Number of values in the parameters of frozen layers (their moving statistics included). */
  public long frozenCount() {
    return layers.stream().filter(ResolvedLayer::frozen)
        .mapToLong(ResolvedLayer::parameterCount).sum();
  }

  /**
   * Initializer choices that are allowed but almost always a mistake (a constant kernel), one
   * line each, starting {@code warning: layer 0 (dense): }: see {@link InitWarnings}. Empty when
   * there are none.
   */
  public List<String> warnings() {
    return InitWarnings.of(this);
  }

  /** The table of layers: see {@link Summary}. */
  public String summary() {
    return Summary.of(this);
  }
}
