package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Place;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.ParameterShape;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.param.Mup;
import dev.primer.dsl.param.ParameterScale;
import dev.primer.dsl.param.Parametrization;
import dev.primer.dsl.param.Scaling;
import dev.primer.dsl.param.Standard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec with its input shape known and every decision made: the shape after each layer, each
 * layer's name and each parameter's samplers. What the TensorFlow bridge compiles and what
 * {@link #summary()} prints.
 *
 * @param input the shape of one example
 * @param layers the layers, in order
 * @param scaling what the net's parametrization does to each parameter and layer (every factor
 *     1 under the standard parametrization): the bridge multiplies the learning rates and the
 *     outputs by it; the samplers of {@code layers} already carry its init scales
 */
public record ResolvedNet(Shape input, List<ResolvedLayer> layers, Scaling scaling) {

  /** Copies {@code layers}. */
  public ResolvedNet {
    layers = List.copyOf(layers);
    java.util.Objects.requireNonNull(scaling, "scaling");
  }

  /** A net under the standard parametrization. */
  public ResolvedNet(Shape input, List<ResolvedLayer> layers) {
    this(input, layers, Scaling.STANDARD);
  }

  /**
   * Resolves {@code layers} for examples of shape {@code input}: repeats expanded, residuals
   * written out as their branch's layers and a sum (see {@link ResolvedLayer}).
   *
   * @throws SpecException naming the layer (index and kind, and the block it sits in), the rule
   *     and the value received
   */
  public static ResolvedNet of(Shape input, List<LayerSpec> layers, NetDefaults defaults) {
    Optional<MupResolution> mup = defaults.parametrization().accept(
        new Parametrization.Visitor<Optional<MupResolution>>() {
          @Override public Optional<MupResolution> standard(Standard s) {
            return Optional.empty();
          }

          @Override public Optional<MupResolution> mup(Mup m) {
            return Optional.of(MupResolution.over(m, layers));
          }
        });
    List<ResolvedLayer> resolved =
        resolve(input, Expansion.of(layers, 0), defaults, Optional.empty(), true, 0);
    if (mup.isEmpty()) {
      return new ResolvedNet(input, resolved);
    }
    // muP supports plain chains of dense, dropout and flatten only (over() refused the rest), so
    // the resolved layers are the spec's layers one to one: each is rescaled from its standard form
    List<Optional<Activation>> autos = autoActivations(layers);
    Map<String, ParameterScale> scales = new HashMap<>();
    Map<String, Double> multipliers = new HashMap<>();
    List<ResolvedLayer> rescaled = new ArrayList<>(resolved.size());
    SignalPropagation.Signal signal = SignalPropagation.Signal.INPUT;
    for (int i = 0; i < resolved.size(); i++) {
      ResolvedLayer layer;
      try {
        layer = mup.get().apply(resolved.get(i), defaults, autos.get(i), signal.usableMoment(),
            scales, multipliers);
      } catch (IllegalArgumentException e) {
        throw SpecException.atLayer(i, layers.get(i).layer().kind(), e.getMessage());
      }
      rescaled.add(layer);
      signal = SignalPropagation.after(layer, signal, signal);
    }
    return new ResolvedNet(input, rescaled,
        new Scaling(defaults.parametrization(), scales, multipliers));
  }

  /**
   * The layers of {@code entries}, resolved from {@code input}; {@code after} is what AUTO finds
   * after the last one (its own activation comes first), {@code endsNet} whether the last one
   * is the net's last layer, {@code firstIndex} the index of the first.
   */
  private static List<ResolvedLayer> resolve(Shape input, List<Expansion.Entry> entries,
      NetDefaults defaults, Optional<Activation> after, boolean endsNet, int firstIndex) {
    List<ResolvedLayer> resolved = new ArrayList<>(entries.size());
    List<Place> places = Expansion.places(entries);
    List<Optional<Activation>> autos = autoActivations(
        entries.stream().map(Expansion.Entry::spec).toList());
    if (!autos.isEmpty() && autos.get(autos.size() - 1).isEmpty()) {
      autos.set(autos.size() - 1, after);
    }
    List<SignalPropagation.Signal> entering = new ArrayList<>(entries.size());
    Shape shape = input;
    long total = 0;
    SignalPropagation.Signal signal = SignalPropagation.Signal.INPUT;
    for (int j = 0; j < entries.size(); j++) {
      Expansion.Entry e = entries.get(j);
      Shape in = e.sum() ? resolved.get(e.branchStart()).input() : shape;
      SignalPropagation.Signal signalIn = e.sum() ? entering.get(e.branchStart()) : signal;
      ResolvedLayer layer = layer(firstIndex + j, e.name(), e.spec(), in, autos.get(j),
          endsNet && j == entries.size() - 1, defaults, signalIn.usableMoment(), places.get(j),
          e.sum() ? firstIndex + e.branchStart() : -1, e.where());
      total = checkTotal(layer, total, e.where());
      resolved.add(layer);
      entering.add(signalIn);
      shape = layer.output();
      signal = SignalPropagation.after(layer, signal, signalIn);
    }
    return resolved;
  }

  /**
   * Checks layer {@code i} of a spec when {@code shape} enters it and {@code after} is the
   * activation its AUTO finds after it, if any (its own comes first): how a growing spec checks
   * the layers a step can change. What a layer's checks depend on besides itself and the shape
   * entering it: {@code after} (only a dense or conv kernel's AUTO uses it), and whether it is
   * the last layer (class_prior must be). A residual or repeat is checked with its whole block.
   *
   * @return the layers it resolves to: itself, or a residual's or repeat's written out
   * @throws SpecException naming the layer (index and kind), the rule and the value received
   */
  public static List<ResolvedLayer> check(int i, LayerSpec spec, Shape shape,
      Optional<Activation> after, boolean last, NetDefaults defaults) {
    return resolve(shape, Expansion.of(List.of(spec), i), defaults, after, last, i);
  }

  /**
   * How many layers of a resolved net one entry of a spec becomes: 1 for a layer, its block's
   * count plus 1 (the sum) for a residual, its block's count times the copies for a repeat;
   * {@code Long.MAX_VALUE} where that overflows.
   */
  public static long flatSize(LayerSpec spec) {
    try {
      return spec.layer() instanceof Residual r ? Math.addExact(flatSize(r.block().layers()), 1)
          : spec.layer() instanceof Repeat p ? Math.multiplyExact((long) p.times(),
              flatSize(p.block().layers()))
          : 1;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long flatSize(List<LayerSpec> layers) {
    long size = 0;
    for (LayerSpec spec : layers) {
      size = Math.addExact(size, flatSize(spec));
    }
    return size;
  }

  /**
   * The name of each of {@code layers} as the net names it (the names {@link #of} gives, see
   * {@link ResolvedLayer#name()}): its kind's stem and its ordinal among the layers of that stem
   * before it ({@code dense_0}, {@code dense_1}, {@code conv2d_0}, a residual {@code block_k});
   * a parameter's name is the layer's and its role's, {@code dense_1/kernel}. The names of the
   * first layers of a net do not depend on the layers after them. A repeat has no name of its
   * own (null here): its copies are named as if written out.
   */
  public static List<String> layerNames(List<LayerSpec> layers) {
    String[] names = new String[layers.size()];
    for (Expansion.Entry entry : Expansion.of(layers, 0)) {
      if (entry.where().outer() == null) {
        names[entry.where().index()] = entry.name();
      }
    }
    return Collections.unmodifiableList(Arrays.asList(names));
  }

  /**
   * The parameter count of a net up to and including {@code layer}, when the layers before it
   * hold {@code before}.
   *
   * @throws SpecException naming the layer if the count is past {@link Limits#MAX_PARAMETERS}
   */
  public static long checkTotal(ResolvedLayer layer, long before) {
    return checkTotal(layer, before, null);
  }

  private static long checkTotal(ResolvedLayer layer, long before, Expansion.Where where) {
    long total = before + layer.parameterCount();
    try {
      Limits.checkTotal(total);
    } catch (IllegalArgumentException e) {
      throw where == null ? SpecException.atLayer(layer.index(), layer.kind(), e.getMessage())
          : new SpecException(where + ": " + e.getMessage());
    }
    return total;
  }

  /**
   * Layer {@code i} of a plain chain resolved, when {@code shape} enters it: see
   * {@link #check}, which this is for a layer that is not a residual or repeat.
   *
   * @param name the layer's name in the net ({@code dense_0}), for its parameters' names
   * @throws SpecException naming the layer (index and kind), the rule and the value received
   */
  public static ResolvedLayer layer(int i, String name, LayerSpec spec, Shape shape,
      Optional<Activation> auto, boolean last, NetDefaults defaults) {
    return layer(i, name, spec, shape, auto, last, defaults, 1, Place.PLAIN, -1,
        new Expansion.Where(null, i, spec.layer().kind(), ""));
  }

  /**
   * The rules of one layer, in one place: {@code inputMoment} is the second moment of the
   * signal entering it as AUTO's signal propagation computed it ({@link SignalPropagation}),
   * {@code where} names it in messages.
   */
  private static ResolvedLayer layer(int i, String name, LayerSpec spec, Shape shape,
      Optional<Activation> auto, boolean last, NetDefaults defaults, double inputMoment,
      Place place, int branchStart, Expansion.Where where) {
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
            name, spec, p.role(), p.shape(), kernelShape, auto, defaults, inputMoment, place);
        parameter.dataInit()
            .flatMap(d -> d.misplaced(last, spec.activation(), output.size(), parameter.size()))
            .ifPresent(rule -> {
              throw new IllegalArgumentException(rule);
            });
        parameters.add(parameter);
      }
      return new ResolvedLayer(i, name, spec, shape, output, auto, parameters, place,
          branchStart);
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SpecException(where + ": " + e.getMessage());
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
