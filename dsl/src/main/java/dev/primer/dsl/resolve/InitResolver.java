package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Cell;
import dev.primer.dsl.init.Constant;
import dev.primer.dsl.init.DataInit;
import dev.primer.dsl.init.DeltaOrthogonal;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.FrameworkDefault;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.NetScheme;
import dev.primer.dsl.init.Place;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.Rule;
import dev.primer.dsl.init.Sampler;
import dev.primer.dsl.init.Sparse;
import dev.primer.dsl.init.Target;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.Recurrent;
import dev.primer.dsl.layer.Residual;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the initializer of every parameter and resolves it to samplers. The one place the
 * precedence rules live:
 * <pre>
 *   kernel            the layer's init(...)   &gt; the net-wide default &gt; AUTO
 *   bias              the layer's bias(...)   &gt; the framework preset or NetScheme of the kernel
 *                                               choice, if it is one &gt; the net-wide bias
 *                                               default &gt; AUTO
 *   recurrent kernel  recurrentInit(...)      &gt; the framework preset or NetScheme of the kernel
 *                                               choice &gt; AUTO
 *   any other         its own init, if named  &gt; the NetScheme of the kernel choice &gt; AUTO
 *                                               (see Init#alsoDecides)
 *   batch norm        fixed: gamma and moving variance ones, beta and moving mean zeros
 *   layer norm        fixed: gamma ones, beta zeros
 *   attention         its four kernels as a kernel, its four biases as a bias
 *   embeddings        the layer's init(...)   &gt; the NetScheme of the kernel choice &gt; AUTO
 *                                               (a net-wide kernel default is for kernels)
 *   branch scale      the NetScheme of the kernel choice &gt; the value scaled(v) names &gt;
 *                     AUTO (ones): a residual scheme decides where every branch starts
 *                     (skipinit: alpha, fixup: 1), so compare can try it on a net written with
 *                     scaled(1); scaled(v) says the branch has a learned scale, and its start
 *                     when no such scheme is chosen
 *   skip projection   as a kernel: the residual's own choice does not exist, so the net-wide
 *                     default &gt; AUTO
 * </pre>
 * A rule is applied until it gives a sampler, once per block (per gate for recurrent layers, but
 * for the kernels {@code keras_default} fills as one matrix: see {@link FrameworkDefault}).
 * A data-dependent rule met on the way (LSUV, class prior) is kept on the parameter, and its
 * sampler is the pre-init.
 */
final class InitResolver {
  private InitResolver() {
    throw new AssertionError("no instances");
  }

  /** Where the init of a parameter came from, for the label. */
  private enum Source { NAMED, NET_DEFAULT, KERNEL_PRESET, AUTO }

  private record Choice(Init init, Source source) {}

  /**
   * Resolves parameter {@code role} of shape {@code shape} of {@code spec}, whose layer's input
   * has second moment {@code inputMoment} (for AUTO: see {@code SignalPropagation}) and which sits
   * at {@code place} in the net's residual structure.
   *
   * @throws IllegalArgumentException naming the rule, if the chosen init cannot fill it
   */
  static Parameter resolve(
      String layerName, LayerSpec spec, Role role, Shape shape, Shape kernelShape,
      Optional<Activation> autoActivation, NetDefaults defaults, double inputMoment,
      Place place) {
    Choice choice = choose(spec, role, defaults);
    Init init = choice.init();
    init.misfit(role, shape.rank()).ifPresent(rule -> {
      throw new IllegalArgumentException(rule + from(choice));
    });
    Layer layer = spec.layer();
    Cell cell = layer instanceof Recurrent r ? r.cell() : Cell.NONE;
    // keras_default fills a recurrent kernel as one matrix, as Keras does; every other init per gate
    int gates = init instanceof FrameworkDefault f && !f.splitsGates(role) ? 1 : cell.gates();
    int units = layer instanceof Recurrent r ? r.units() : shape.last();
    int[] blockShape = Fans.gateBlock(shape.toArray(), gates);
    Fans fans = Fans.ofGateBlock(role, blockShape, kernelShape.toArray(), gates);

    List<Block> blocks = new ArrayList<>();
    Optional<DataInit> dataInit = Optional.empty();
    Map<String, List<String>> gatesByDescription = new LinkedHashMap<>();
    for (int gate = 0; gate < gates; gate++) {
      Target target = new Target(role, blockShape, fans, autoActivation, cell, gate, units,
          inputMoment, place);
      Init current = init;
      Init named = init;
      while (current instanceof Rule rule) {
        if (rule instanceof DataInit d) {
          dataInit = Optional.of(d);
        }
        Init next = rule.choose(target);
        if (current == init && (choice.source() == Source.AUTO || scheme(current).isPresent())) {
          named = next;
        }
        current = next;
      }
      Sampler sampler = (Sampler) current;
      sampler.misfit(role, blockShape.length).ifPresent(rule -> {
        throw new IllegalArgumentException(rule + from(choice));
      });
      if (sampler instanceof Sparse s && s.count() > fans.in()) {
        throw new IllegalArgumentException(InitNames.text(s) + " needs at most fan_in = "
            + fans.in() + " nonzero incoming weights per unit, got count " + s.count());
      }
      if (sampler instanceof DeltaOrthogonal) {
        DeltaOrthogonal.misfitChannels(blockShape).ifPresent(rule -> {
          throw new IllegalArgumentException(rule + from(choice));
        });
      }
      blocks.add(new Block(gate, Shape.of(blockShape), fans, sampler));
      String description = dataInit.isPresent()
          ? dataInit.get().label(describe(sampler))
          : describe(named instanceof Rule ? named : sampler);
      gatesByDescription.computeIfAbsent(description, d -> new ArrayList<>())
          .add(cell.gateName(gate));
    }
    String described = gatesByDescription.size() == 1
        ? gatesByDescription.keySet().iterator().next()
        : gatesByDescription.entrySet().stream()
            .map(e -> e.getKey() + " (" + String.join(",", e.getValue()) + ")")
            .collect(Collectors.joining(", "));
    String label = described + switch (choice.source()) {
      case NAMED -> scheme(choice.init()).map(name -> " (" + name + ")").orElse("");
      case NET_DEFAULT -> scheme(choice.init()).map(name -> " (" + name + ", net-wide)")
          .orElse(" (net-wide)");
      case KERNEL_PRESET -> " (" + InitNames.text(choice.init()) + ")";
      case AUTO -> " (auto)";
    };
    return new Parameter(layerName + "/" + layer.parameterName(role), role, shape, blocks, label,
        dataInit);
  }

  private static Choice choose(LayerSpec spec, Role role, NetDefaults defaults) {
    if (role == Role.BRANCH_SCALE) {
      Optional<Init> scheme = spec.inits().kernel().or(defaults::kernel)
          .filter(k -> k.alsoDecides(role));
      if (scheme.isPresent()) {
        return new Choice(scheme.get(), Source.KERNEL_PRESET);
      }
      // residual(block).scaled(v) names the scale's starting value
      Optional<Double> scale = spec.layer() instanceof Residual r ? r.scale() : Optional.empty();
      return scale.map(v -> new Choice(new Constant(v), Source.NAMED))
          .orElseGet(() -> new Choice(Inits.AUTO, Source.AUTO));
    }
    Optional<Init> named = spec.inits().get(role);
    if (named.isPresent()) {
      return new Choice(named.get(), Source.NAMED);
    }
    Optional<Init> kernelChoice = spec.inits().kernel().or(defaults::kernel);
    if (role != Role.KERNEL && kernelChoice.filter(k -> k.alsoDecides(role)).isPresent()) {
      return new Choice(kernelChoice.get(), Source.KERNEL_PRESET);
    }
    // an embedding table is no kernel: a net-wide kernel scheme leaves it to AUTO
    Optional<Init> netDefault = role.isEmbedding() ? Optional.empty() : switch (role.choice()) {
      case KERNEL -> defaults.kernel();
      case BIAS -> defaults.bias();
      default -> Optional.empty();
    };
    return netDefault.map(i -> new Choice(i, Source.NET_DEFAULT))
        .orElseGet(() -> new Choice(Inits.AUTO, Source.AUTO));
  }

  /**
   * The name of {@code init} if it is a scheme that decides more than one parameter kind (a
   * framework preset, a {@link NetScheme}): labels then show what it chose and its name.
   */
  private static Optional<String> scheme(Init init) {
    return init instanceof FrameworkDefault || init instanceof NetScheme
        ? Optional.of(InitNames.text(init)) : Optional.empty();
  }

  private static String from(Choice choice) {
    return switch (choice.source()) {
      case NET_DEFAULT -> " (from the net-wide default)";
      case KERNEL_PRESET -> " (from the kernel's " + InitNames.text(choice.init()) + ")";
      default -> "";
    };
  }

  /** A short human description: the preset name, or the sampler with 3 significant digits. */
  static String describe(Init init) {
    Optional<String> preset = InitNames.presetName(init);
    if (preset.isPresent()) {
      return preset.get();
    }
    if (init instanceof Uniform u && u.lo() == -u.hi()) {
      return "uniform(±" + Numbers.threeDigits(u.hi()) + ")";
    }
    return Numbers.threeDigitsIn(InitNames.text(init));
  }
}
