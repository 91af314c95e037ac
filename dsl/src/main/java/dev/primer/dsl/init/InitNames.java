package dev.primer.dsl.init;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.Suggestions;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names of the initializers in the text form and on the command line (Keras style), both
 * ways: {@link #text} writes an initializer, {@link #parse} reads one. The one table of names.
 * <pre>
 *   zeros  ones  constant(0.1)  normal(0,0.01)  uniform(-0.05,0.05)  truncated_normal(0,0.05)
 *   variance_scaling(2,fan_in,uniform)
 *   glorot_uniform  glorot_normal  glorot_normal_untruncated
 *   he_uniform      he_normal      he_normal_untruncated
 *   lecun_uniform   lecun_normal   lecun_normal_untruncated
 *   orthogonal  orthogonal(1.2)  identity  identity(0.5)  delta_orthogonal  delta_orthogonal(2)
 *   sparse(15,1.0)  auto  keras_default  pytorch_default
 *   lsuv  lsuv(0.05)  lsuv(0.05,20)  class_prior  (data-dependent: see DataInit)
 * </pre>
 * Also read (and written under their canonical name): {@code glorot}, {@code xavier_uniform},
 * {@code he}, {@code kaiming_uniform}, {@code lecun}, and PyTorch's untruncated
 * {@code xavier_normal} and {@code kaiming_normal}. Names are read case-insensitively, so the
 * Java constant names ({@code HE_NORMAL}) work too.
 */
public final class InitNames {
  private InitNames() {
    throw new AssertionError("no instances");
  }

  /** Presets written by name, canonical name first for each value. */
  private static final Map<String, Init> PRESETS = new LinkedHashMap<>();
  /** Names that take arguments, with how many and how to build from them. */
  private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

  private record Factory(String usage, int minArgs, int maxArgs, Function<List<Object>, Init> build) {}

  static {
    PRESETS.put("zeros", Inits.ZEROS);
    PRESETS.put("ones", Inits.ONES);
    PRESETS.put("glorot_uniform", Inits.GLOROT_UNIFORM);
    PRESETS.put("glorot_normal", Inits.GLOROT_NORMAL);
    PRESETS.put("glorot_normal_untruncated", Inits.GLOROT_NORMAL_UNTRUNCATED);
    PRESETS.put("he_uniform", Inits.HE_UNIFORM);
    PRESETS.put("he_normal", Inits.HE_NORMAL);
    PRESETS.put("he_normal_untruncated", Inits.HE_NORMAL_UNTRUNCATED);
    PRESETS.put("lecun_uniform", Inits.LECUN_UNIFORM);
    PRESETS.put("lecun_normal", Inits.LECUN_NORMAL);
    PRESETS.put("lecun_normal_untruncated", Inits.LECUN_NORMAL_UNTRUNCATED);
    PRESETS.put("orthogonal", Inits.ORTHOGONAL);
    PRESETS.put("identity", Inits.IDENTITY);
    PRESETS.put("delta_orthogonal", Inits.DELTA_ORTHOGONAL);
    PRESETS.put("auto", Inits.AUTO);
    PRESETS.put("keras_default", Inits.KERAS_DEFAULT);
    PRESETS.put("pytorch_default", Inits.PYTORCH_DEFAULT);
    PRESETS.put("lsuv", Inits.LSUV);
    PRESETS.put("class_prior", Inits.CLASS_PRIOR);
    // aliases, read only: the value is already named above
    PRESETS.put("glorot", Inits.GLOROT);
    PRESETS.put("xavier_uniform", Inits.XAVIER_UNIFORM);
    PRESETS.put("xavier_normal", Inits.XAVIER_NORMAL);
    PRESETS.put("he", Inits.HE);
    PRESETS.put("kaiming_uniform", Inits.KAIMING_UNIFORM);
    PRESETS.put("kaiming_normal", Inits.KAIMING_NORMAL);
    PRESETS.put("lecun", Inits.LECUN);

    FACTORIES.put("constant", new Factory("constant(value)", 1, 1,
        a -> new Constant(num(a, 0))));
    FACTORIES.put("normal", new Factory("normal(mean,std)", 2, 2,
        a -> new Normal(num(a, 0), num(a, 1))));
    FACTORIES.put("uniform", new Factory("uniform(lo,hi)", 2, 2,
        a -> new Uniform(num(a, 0), num(a, 1))));
    FACTORIES.put("truncated_normal", new Factory("truncated_normal(mean,std)", 2, 2,
        a -> new TruncatedNormal(num(a, 0), num(a, 1))));
    FACTORIES.put("variance_scaling", new Factory(
        "variance_scaling(scale,fan_in|fan_out|fan_avg|fan_geo_avg,"
            + "truncated_normal|normal|uniform)", 3, 3,
        a -> new VarianceScaling(num(a, 0), mode(word(a, 1)), distribution(word(a, 2)))));
    FACTORIES.put("orthogonal", new Factory("orthogonal(gain)", 1, 1,
        a -> new Orthogonal(num(a, 0))));
    FACTORIES.put("identity", new Factory("identity(gain)", 1, 1,
        a -> new Identity(num(a, 0))));
    FACTORIES.put("delta_orthogonal", new Factory("delta_orthogonal(gain)", 1, 1,
        a -> new DeltaOrthogonal(num(a, 0))));
    FACTORIES.put("sparse", new Factory("sparse(count,std)", 2, 2,
        a -> new Sparse(integer(a, 0), num(a, 1))));
    FACTORIES.put("lsuv", new Factory("lsuv(tolerance[,max_iterations])", 1, 2,
        a -> new Lsuv(num(a, 0), a.size() > 1 ? integer(a, 1) : Lsuv.DEFAULT_MAX_ITERATIONS)));
  }

  /** Every name {@link #parse} reads, canonical names first. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(PRESETS.keySet());
    FACTORIES.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    return names;
  }

  /**
   * Reads an initializer from its name and arguments (numbers as {@link Double}, words as
   * {@link String}); {@code arguments} is empty for a bare name.
   *
   * @throws IllegalArgumentException naming the problem, for an unknown name, the wrong number or
   *     kind of arguments, or a value the initializer rejects
   */
  public static Init parse(String name, List<Object> arguments) {
    String key = name.toLowerCase(Locale.ROOT);
    if (arguments.isEmpty() && PRESETS.containsKey(key)) {
      return PRESETS.get(key);
    }
    Factory factory = FACTORIES.get(key);
    if (factory == null) {
      if (PRESETS.containsKey(key)) {
        throw new IllegalArgumentException(key + " takes no arguments, got " + arguments.size());
      }
      throw new IllegalArgumentException("unknown initializer '" + name + "'"
          + Suggestions.closest(key, names()).map(s -> "; did you mean '" + s + "'?").orElse("")
          + " (known: " + String.join(", ", names()) + ")");
    }
    if (arguments.size() < factory.minArgs || arguments.size() > factory.maxArgs) {
      String expected = factory.minArgs == factory.maxArgs ? Integer.toString(factory.minArgs)
          : factory.minArgs + (factory.maxArgs == factory.minArgs + 1 ? " or " : " to ")
              + factory.maxArgs;
      throw new IllegalArgumentException(key + " takes " + expected + " argument"
          + (factory.maxArgs == 1 ? "" : "s") + ": " + factory.usage + ", got "
          + arguments.size());
    }
    return factory.build.apply(arguments);
  }

  /** The text form of {@code init}: its canonical name, with arguments where it has them. */
  public static String text(Init init) {
    for (Map.Entry<String, Init> preset : PRESETS.entrySet()) {
      if (preset.getValue().equals(init) && !(init instanceof Constant)) {
        return preset.getKey();
      }
    }
    return init.accept(new Init.Visitor<>() {
      @Override public String constant(Constant c) {
        return c.value() == 0 && 1 / c.value() > 0 ? "zeros"
            : c.value() == 1 ? "ones" : call("constant", c.value());
      }
      @Override public String normal(Normal n) { return call("normal", n.mean(), n.std()); }
      @Override public String truncatedNormal(TruncatedNormal t) {
        return call("truncated_normal", t.mean(), t.std());
      }
      @Override public String uniform(Uniform u) { return call("uniform", u.lo(), u.hi()); }
      @Override public String orthogonal(Orthogonal o) { return call("orthogonal", o.gain()); }
      @Override public String identity(Identity i) { return call("identity", i.gain()); }
      @Override public String deltaOrthogonal(DeltaOrthogonal d) {
        return call("delta_orthogonal", d.gain());
      }
      @Override public String sparse(Sparse s) {
        return "sparse(" + s.count() + "," + Numbers.format(s.std()) + ")";
      }
      @Override public String varianceScaling(VarianceScaling v) {
        return "variance_scaling(" + Numbers.format(v.scale()) + "," + v.mode().text() + ","
            + v.distribution().text() + ")";
      }
      @Override public String auto(Auto a) { return "auto"; }
      @Override public String lsuv(Lsuv l) {
        return "lsuv(" + Numbers.format(l.tolerance()) + "," + l.maxIterations() + ")";
      }
      @Override public String classPrior(ClassPrior c) { return "class_prior"; }
      @Override public String frameworkDefault(FrameworkDefault f) {
        return f.framework().text();
      }
    });
  }

  private static String call(String name, double... arguments) {
    return name + "(" + String.join(",",
        Arrays.stream(arguments).mapToObj(Numbers::format).toArray(String[]::new)) + ")";
  }

  private static double num(List<Object> arguments, int i) {
    if (arguments.get(i) instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException(
        "argument " + (i + 1) + " must be a number, got '" + arguments.get(i) + "'");
  }

  private static int integer(List<Object> arguments, int i) {
    double d = num(arguments, i);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "argument " + (i + 1) + " must be a whole number, got " + Numbers.format(d));
    }
    return (int) d;
  }

  private static String word(List<Object> arguments, int i) {
    if (arguments.get(i) instanceof String s) {
      return s.toLowerCase(Locale.ROOT);
    }
    throw new IllegalArgumentException("argument " + (i + 1) + " must be a word, got "
        + Numbers.format((Double) arguments.get(i)));
  }

  private static FanMode mode(String word) {
    return Arrays.stream(FanMode.values()).filter(m -> m.text().equals(word)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown fan mode '" + word
            + "' (known: fan_in, fan_out, fan_avg, fan_geo_avg)"));
  }

  private static Distribution distribution(String word) {
    return Arrays.stream(Distribution.values()).filter(d -> d.text().equals(word)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown distribution '" + word
            + "' (known: truncated_normal, normal, uniform)"));
  }

  /** The canonical name of a preset value, if it has one. */
  public static Optional<String> presetName(Init init) {
    return PRESETS.entrySet().stream().filter(e -> e.getValue().equals(init))
        .map(Map.Entry::getKey).findFirst();
  }
}
