package dev.primer.dsl.text;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Quoted;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.layer.StateActivation;
import dev.primer.dsl.spec.ActivationStep;
import dev.primer.dsl.spec.InitStep;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.dsl.spec.RecurrentInitStep;
import dev.primer.dsl.spec.ResidualStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random specs built through the Java API, for the text round trip. Most candidates are valid;
 * some are not on purpose (a window that does not fit, an init that cannot fill its parameter, a
 * rate of 1): those throw {@link dev.primer.dsl.base.SpecException} and are skipped by the caller.
 *
 * <p>Covers every layer kind and overload, every activation with random alphas, every
 * initializer name (presets, aliases, parameterised ones with tiny, huge, negative and -0.0
 * values where valid), net-wide defaults, blocks joined with {@code then}, specs with and without
 * input, residual and repeated blocks (nested, scaled, activated), and
 * {@code withInput}/{@code withKernelInit}. What each candidate used is recorded in
 * {@link #used} and kept in {@link #covered} once the candidate is accepted.
 */
final class SpecGenerator {

  /** The names that read without arguments: presets, aliases, any case. */
  static final List<String> PRESET_NAMES = List.of(
      "zeros", "ones", "glorot_uniform", "glorot_normal", "glorot_normal_untruncated",
      "he_uniform", "he_normal", "he_normal_untruncated", "lecun_uniform", "lecun_normal",
      "lecun_normal_untruncated", "orthogonal", "identity", "delta_orthogonal", "auto",
      "keras_default", "pytorch_default", "glorot", "xavier_uniform", "xavier_normal", "he",
      "kaiming_uniform", "kaiming_normal", "lecun", "lsuv", "class_prior");

  /** The names that take arguments. */
  static final List<String> FACTORY_NAMES = List.of("constant", "normal", "uniform",
      "truncated_normal", "variance_scaling", "orthogonal", "identity", "delta_orthogonal",
      "sparse", "lsuv", "from");

  /**
   * Texts for {@code from(...)}'s names: quotes, backslashes, spaces, dots, non-ASCII; never
   * {@code ( , )}, which the round trip's re-spacing would change inside a quoted text.
   */
  private static final List<String> TEXTS = List.of("base/weights.npz", "dense_0/kernel",
      "C:\\nets\\w.npz", "say \"hi\"", " spaced name ", "weights_\u00e9t\u00e9.npz", "a\\", "x");

  private final SplittableRandom random;
  /** Features of the candidate being built. */
  private final Set<String> used = new HashSet<>();
  /** Features of every accepted candidate. */
  final Set<String> covered = new HashSet<>();
  /** Initializer arguments the records rejected (regenerated). */
  int rejectedInitArguments;

  SpecGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Records what the last candidate used as covered: call when it was accepted. */
  void accept() {
    covered.addAll(used);
  }

  /**
   * A random candidate spec.
   *
   * @throws dev.primer.dsl.base.SpecException when the candidate breaks a rule
   */
  NetSpec next() {
    used.clear();
    Shape shape = randomShape();
    boolean withInput = random.nextInt(4) != 0;
    NetSpec spec = withInput ? Net.input(shape.toArray()) : Net.empty();
    used.add(withInput ? "input" : "no input");
    if (random.nextInt(5) == 0) {
      spec = spec.defaultInit(randomInit(Role.KERNEL, 2));
      used.add("defaultInit");
    }
    if (random.nextInt(5) == 0) {
      spec = spec.defaultBias(randomInit(Role.BIAS, 1));
      used.add("defaultBias");
    }
    int layers = random.nextInt(8);
    Optional<Shape> current = Optional.of(shape);
    for (int i = 0; i < layers; i++) {
      if (random.nextInt(12) == 0) {
        NetSpec block = Net.empty();
        int blockLayers = 1 + random.nextInt(3);
        for (int j = 0; j < blockLayers; j++) {
          block = addLayer(block, current);
          current = advance(block, current);
        }
        spec = spec.then(block);
        used.add("then");
      } else if (random.nextInt(8) == 0) {
        spec = addBlock(spec, current, 0);
        current = advance(spec, current);
      } else {
        spec = addLayer(spec, current);
        current = advance(spec, current);
      }
      if (random.nextInt(25) == 0) {
        spec = random.nextBoolean() ? spec.defaultInit(randomInit(Role.KERNEL, 2))
            : spec.defaultBias(randomInit(Role.BIAS, 1));
        used.add("late default");
      }
    }
    if (!withInput && random.nextInt(8) == 0) {
      spec = spec.withInput(shape);
      used.add("withInput");
    }
    if (random.nextInt(20) == 0) {
      spec = spec.withKernelInit(randomInit(Role.KERNEL, 2));
      used.add("withKernelInit");
    }
    if (spec.toString().isEmpty()) { // Net.empty() has no text: see RoundTripTest
      spec = spec.dense(1 + random.nextInt(10));
    }
    return spec;
  }

  /**
   * A residual or a repeat with a random block of 1 to 3 layers (blocks nest up to 3 deep):
   * the residual now and then scaled and activated, the repeat now and then of a residual.
   */
  private NetSpec addBlock(NetSpec spec, Optional<Shape> shape, int depth) {
    NetSpec block = Net.block();
    Optional<Shape> inner = shape;
    int layers = 1 + random.nextInt(3);
    for (int j = 0; j < layers; j++) {
      if (depth < 2 && random.nextInt(6) == 0) {
        block = addBlock(block, inner, depth + 1);
        used.add("nested block");
      } else {
        block = addLayer(block, inner);
      }
      inner = advance(block, inner);
    }
    if (random.nextInt(3) == 0) {
      int times = random.nextInt(30) == 0 ? 0 : 1 + random.nextInt(4); // 0 is refused
      used.add("repeat");
      if (random.nextBoolean()) {
        used.add("repeat of a residual");
        return spec.repeat(times, residual(Net.block(), block));
      }
      return spec.repeat(times, block);
    }
    return residual(spec, block);
  }

  /** {@code spec.residual(block)}, now and then scaled, now and then activated. */
  private NetSpec residual(NetSpec spec, NetSpec block) {
    used.add("residual");
    ResidualStep step = spec.residual(block);
    if (random.nextInt(3) == 0) {
      double initial = random.nextInt(3) == 0 ? 0 : anyDouble();
      step = step.scaled(used("scaled", initial));
    }
    if (random.nextInt(4) == 0) {
      used.add("residual activation");
      return step.activation(activation());
    }
    return step;
  }

  /** The shape after the last layer of spec, if the layers so far can take it. */
  private static Optional<Shape> advance(NetSpec spec, Optional<Shape> before) {
    Layer last = spec.layers().get(spec.layers().size() - 1).layer();
    try {
      return before.map(last::outputShape);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Shape randomShape() {
    return switch (random.nextInt(3)) {
      case 0 -> Shape.of(1 + random.nextInt(800));
      case 1 -> Shape.of(1 + random.nextInt(40), 1 + random.nextInt(40), 1 + random.nextInt(6));
      default -> Shape.of(1 + random.nextInt(30), 1 + random.nextInt(20));
    };
  }

  // ------------------------------------------------------------------ layers

  private NetSpec addLayer(NetSpec spec, Optional<Shape> shape) {
    int rank = shape.map(Shape::rank).orElse(0);
    boolean anyKind = rank == 0 || random.nextInt(15) == 0;
    List<String> kinds = anyKind
        ? List.of("dense", "conv2d", "maxPool2d", "avgPool2d", "flatten", "reshape", "dropout",
            "batchNorm", "simpleRnn", "lstm", "gru")
        : switch (rank) {
          case 1 -> List.of("dense", "dense", "dense", "dropout", "batchNorm", "reshape");
          case 3 -> List.of("conv2d", "conv2d", "maxPool2d", "avgPool2d", "flatten", "dropout",
              "batchNorm", "reshape");
          default -> List.of("simpleRnn", "lstm", "gru", "flatten", "dropout", "batchNorm",
              "reshape");
        };
    String kind = kinds.get(random.nextInt(kinds.size()));
    used.add(kind);
    NetSpec next = switch (kind) {
      case "dense" -> spec.dense(units());
      case "conv2d" -> {
        int filters = 1 + random.nextInt(16);
        int window = shape.filter(s -> s.rank() == 3)
            .map(s -> 1 + random.nextInt(Math.min(s.dim(0), s.dim(1)) + 1))
            .orElse(1 + random.nextInt(5));
        int stride = 1 + random.nextInt(3);
        yield switch (random.nextInt(3)) {
          case 0 -> spec.conv2d(filters, window);
          case 1 -> spec.conv2d(filters, window, stride);
          default -> spec.conv2d(filters, window, stride, padding());
        };
      }
      case "maxPool2d", "avgPool2d" -> {
        int pool = 1 + random.nextInt(4);
        int stride = 1 + random.nextInt(4);
        boolean max = kind.equals("maxPool2d");
        yield switch (random.nextInt(3)) {
          case 0 -> max ? spec.maxPool2d(pool) : spec.avgPool2d(pool);
          case 1 -> max ? spec.maxPool2d(pool, stride) : spec.avgPool2d(pool, stride);
          default -> {
            Padding p = padding();
            yield max ? spec.maxPool2d(pool, stride, p) : spec.avgPool2d(pool, stride, p);
          }
        };
      }
      case "flatten" -> spec.flatten();
      case "reshape" -> spec.reshape(reshapeTarget(shape));
      case "dropout" -> spec.dropout(used("dropout rate", rate()));
      case "batchNorm" -> {
        if (random.nextBoolean()) {
          yield spec.batchNorm();
        }
        used.add("batchNorm arguments");
        yield spec.batchNorm(momentum(), positive());
      }
      case "simpleRnn", "lstm", "gru" -> {
        int units = units();
        Optional<Returns> returns = random.nextInt(3) == 0 ? Optional.empty()
            : Optional.of(random.nextBoolean() ? Returns.LAST : Returns.SEQUENCES);
        returns.ifPresent(r -> used.add("returns " + r.text()));
        yield switch (kind) {
          case "simpleRnn" -> {
            if (returns.isEmpty()) {
              yield spec.simpleRnn(units);
            }
            if (random.nextInt(3) == 0) {
              used.add("relu recurrence");
              yield spec.simpleRnn(units, returns.get(), StateActivation.RELU);
            }
            yield spec.simpleRnn(units, returns.get());
          }
          case "lstm" -> returns.isEmpty() ? spec.lstm(units) : spec.lstm(units, returns.get());
          default -> returns.isEmpty() ? spec.gru(units) : spec.gru(units, returns.get());
        };
      }
      default -> throw new AssertionError(kind);
    };
    return decorate(next);
  }

  /** Activation and inits of the layer just added, in either order. */
  private NetSpec decorate(NetSpec spec) {
    boolean initsFirst = random.nextBoolean();
    if (initsFirst) {
      spec = inits(spec);
    }
    if (spec instanceof ActivationStep<?> step && random.nextInt(5) < 3) {
      Activation a = activation();
      used.add("activation " + a.name());
      spec = (NetSpec) step.activation(a);
    }
    if (!initsFirst) {
      spec = inits(spec);
    }
    int freeze = random.nextInt(40);
    boolean hasParameters = spec.layers().get(spec.layers().size() - 1).layer().hasParameters();
    if (freeze < 8 && hasParameters) {
      spec = spec.frozen();
      used.add("frozen");
    } else if (freeze == 8) {
      // now and then a layer without parameters, or a second frozen(): both throw
      spec = hasParameters ? spec.frozen().frozen() : spec.frozen();
    }
    return spec;
  }

  private NetSpec inits(NetSpec spec) {
    Layer layer = spec.layers().isEmpty() ? null : spec.layers().get(spec.layers().size() - 1)
        .layer();
    if (spec instanceof RecurrentInitStep<?> step && random.nextInt(3) == 0) {
      spec = (NetSpec) step.recurrentInit(
          randomInit(Role.RECURRENT_KERNEL, layer.parameterRank(Role.RECURRENT_KERNEL)));
      used.add("recurrentInit");
    }
    if (spec instanceof InitStep<?> step && random.nextInt(5) < 2) {
      spec = (NetSpec) step.init(randomInit(Role.KERNEL, layer.parameterRank(Role.KERNEL)));
      used.add("init");
    }
    if (spec instanceof InitStep<?> step && random.nextInt(10) < 3) {
      spec = (NetSpec) step.bias(randomInit(Role.BIAS, 1));
      used.add("bias");
    }
    return spec;
  }

  private int units() {
    return random.nextInt(60) == 0 ? -random.nextInt(3) : 1 + random.nextInt(64);
  }

  private Padding padding() {
    Padding p = random.nextBoolean() ? Padding.VALID : Padding.SAME;
    used.add("padding " + p.text());
    return p;
  }

  private int[] reshapeTarget(Optional<Shape> shape) {
    long size = shape.map(Shape::size).orElse((long) 1 + random.nextInt(100));
    if (size > 100_000 || random.nextInt(20) == 0) {
      return new int[] {1 + random.nextInt(50), 1 + random.nextInt(50)}; // likely a mismatch
    }
    List<Integer> divisors = new ArrayList<>();
    for (int d = 1; d <= size; d++) {
      if (size % d == 0) {
        divisors.add(d);
      }
    }
    int a = divisors.get(random.nextInt(divisors.size()));
    long rest = size / a;
    return switch (random.nextInt(3)) {
      case 0 -> new int[] {(int) size};
      case 1 -> new int[] {a, (int) rest};
      default -> {
        int b = 1;
        for (int d = 1; d <= rest; d++) {
          if (rest % d == 0 && random.nextInt(3) == 0) {
            b = d;
          }
        }
        yield new int[] {a, b, (int) (rest / b)};
      }
    };
  }

  // ------------------------------------------------------------------ numbers

  /** A finite double of any size or sign, including the awkward ones. */
  private double anyDouble() {
    return switch (random.nextInt(12)) {
      case 0 -> random.nextInt(-3, 4);
      case 1 -> -0.0;
      case 2 -> 0.0;
      case 3 -> (random.nextBoolean() ? 1 : -1) * Double.MIN_VALUE;
      case 4 -> (random.nextBoolean() ? 1 : -1) * Math.pow(10, -random.nextInt(1, 320));
      case 5 -> (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(1, 308));
      case 6 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
      case 7 -> {
        double d;
        do {
          d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d));
        yield d;
      }
      case 8 -> random.nextBoolean() ? 1e15 : 999_999_999_999_999.0;
      case 9 -> 0.1 + 0.2;
      default -> random.nextDouble(-10, 10);
    };
  }

  /** A positive finite double, tiny to huge. */
  private double positive() {
    double d = Math.abs(anyDouble());
    return d > 0 ? d : 1e-3;
  }

  private double rate() {
    return switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> -0.0;
      case 2 -> Double.MIN_VALUE;
      case 3 -> Math.nextDown(1.0);
      case 4 -> random.nextInt(10) == 0 ? 1.0 : 0.5; // 1.0 is out of range
      default -> random.nextDouble();
    };
  }

  private double momentum() {
    return random.nextInt(4) == 0 ? -0.0 : rate();
  }

  private Activation activation() {
    Activation.Kind kind = Activation.Kind.values()[random.nextInt(Activation.Kind.values()
        .length)];
    return switch (kind) {
      case LEAKY_RELU -> random.nextInt(4) == 0 ? Activation.leakyRelu()
          : Activation.leakyRelu(used("leaky alpha", Math.min(rate(), 0.75)));
      case ELU -> random.nextInt(4) == 0 ? Activation.elu()
          : Activation.elu(used("elu alpha", positive()));
      default -> new Activation(kind, 0);
    };
  }

  private double used(String what, double value) {
    used.add(what);
    if (Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0)) {
      used.add("-0.0");
    }
    return value;
  }

  // ------------------------------------------------------------------ initializers

  /**
   * A random initializer, usually one that fits a parameter of this role and rank (sometimes
   * not, on purpose).
   */
  Init randomInit(Role role, int rank) {
    for (int attempt = 0; ; attempt++) {
      Set<String> notes = new HashSet<>();
      Init init = anyInit(notes);
      if (init.misfit(role, rank).isEmpty() || attempt > 20 || random.nextInt(8) == 0) {
        used.addAll(notes);
        return init;
      }
    }
  }

  private Init anyInit(Set<String> notes) {
    if (random.nextInt(5) < 2) {
      String name = PRESET_NAMES.get(random.nextInt(PRESET_NAMES.size()));
      notes.add("init " + name);
      String written = switch (random.nextInt(4)) {
        case 0 -> name.toUpperCase(java.util.Locale.ROOT);
        default -> name;
      };
      return InitNames.parse(written, List.of());
    }
    while (true) {
      String name = FACTORY_NAMES.get(random.nextInt(FACTORY_NAMES.size()));
      List<Object> arguments = switch (name) {
        case "constant", "identity" -> List.of(anyDouble());
        case "orthogonal",
            "delta_orthogonal" -> List.of(random.nextBoolean() ? positive() : anyDouble());
        case "normal", "truncated_normal" ->
            List.of(anyDouble(), random.nextBoolean() ? positive() : anyDouble());
        case "uniform" -> {
          double a = anyDouble();
          double b = anyDouble();
          yield random.nextInt(10) == 0 ? List.of(a, b) : List.of(Math.min(a, b), Math.max(a, b));
        }
        case "variance_scaling" -> List.of(
            random.nextBoolean() ? positive() : random.nextInt(1, 4),
            FanMode.values()[random.nextInt(4)].text(),
            Distribution.values()[random.nextInt(3)].text());
        case "sparse" -> List.of((double) (random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(6)),
            positive());
        case "from" -> random.nextInt(30) == 0 ? List.of(TEXTS.get(0), TEXTS.get(1)) // words
            : List.of(new Quoted(TEXTS.get(random.nextInt(TEXTS.size()))),
                new Quoted(random.nextInt(20) == 0 ? " " : TEXTS.get(random.nextInt(TEXTS.size()))));
        case "lsuv" -> random.nextBoolean() ? List.of(random.nextDouble(-0.2, 1.2))
            : List.of(random.nextDouble(-0.2, 1.2), (double) random.nextInt(-2, 1100));
        default -> throw new AssertionError(name);
      };
      try {
        Init init = InitNames.parse(name, arguments);
        notes.add("init " + name + "(...)");
        for (Object a : arguments) {
          if (a instanceof Double d) {
            notes.add(d == 0 ? "zero argument" : Math.abs(d) < 1e-300 ? "tiny argument"
                : Math.abs(d) > 1e300 ? "huge argument" : d < 0 ? "negative argument"
                : "argument");
            if (Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
              notes.add("-0.0");
            }
          }
        }
        return init;
      } catch (IllegalArgumentException e) {
        rejectedInitArguments++;
      }
    }
  }

  /** Every feature a run of the generator must have covered. */
  static Set<String> expectedCoverage() {
    Set<String> expected = new HashSet<>(List.of("input", "no input", "defaultInit",
        "defaultBias", "then", "late default", "withInput", "withKernelInit", "batchNorm arguments",
        "returns last", "returns sequences", "relu recurrence", "padding valid", "padding same",
        "recurrentInit",
        "init", "bias", "leaky alpha", "elu alpha", "-0.0", "zero argument", "tiny argument",
        "huge argument", "negative argument", "dense", "conv2d", "maxPool2d", "avgPool2d",
        "flatten", "reshape", "dropout", "batchNorm", "simpleRnn", "lstm", "gru", "frozen",
        "residual", "scaled", "residual activation", "repeat", "repeat of a residual",
        "nested block"));
    for (Activation.Kind kind : Activation.Kind.values()) {
      expected.add("activation " + kind.method());
    }
    PRESET_NAMES.forEach(n -> expected.add("init " + n));
    FACTORY_NAMES.forEach(n -> expected.add("init " + n + "(...)"));
    return expected;
  }
}
