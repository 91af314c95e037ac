package dev.primer.dsl.init;

import static dev.primer.dsl.base.Signature.alias;
import static dev.primer.dsl.base.Signature.preset;
import static dev.primer.dsl.base.Signature.writing;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Quoted;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.base.Suggestions;
import dev.primer.dsl.base.Visible;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names of the initializers in the text form and on the command line (Keras style), both
 * ways: {@link #text} writes an initializer, {@link #parse} reads one. The one table of names.
 * <pre>
 *   zeros  ones  constant(0.1)  normal(0,0.01)  uniform(-0.05,0.05)  truncated_normal(0,0.05)
 *   uniform_sum(2,0.125)
 *   variance_scaling(2,fan_in,uniform)
 *   glorot_uniform  glorot_normal  glorot_normal_untruncated
 *   he_uniform      he_normal      he_normal_untruncated
 *   lecun_uniform   lecun_normal   lecun_normal_untruncated
 *   orthogonal  orthogonal(1.2)  identity  identity(0.5)  delta_orthogonal  delta_orthogonal(2)
 *   sparse(15,1.0)  auto  keras_default  pytorch_default
 *   mimetic  mimetic(0.7,0.7)  mimetic(0.7,0.7,0.4,0.4)   (attention only: see Mimetic)
 *   lsuv  lsuv(0.05)  lsuv(0.05,20)  class_prior  (data-dependent: see DataInit)
 *   from("base/weights.npz","dense_0/kernel")   (values stored in a file: see Pretrained)
 *   hadamard  hadamard(0.5)
 *   fixup  skipinit  skipinit(0.1)  zer_o  gpt2  gpt2(0.01)  t_fixup  t_fixup(decoder)
 *                                   (residual nets and transformers: see NetScheme)
 * </pre>
 * Also read (and written under their canonical name): {@code glorot}, {@code xavier_uniform},
 * {@code he}, {@code kaiming_uniform}, {@code lecun}, and PyTorch's untruncated
 * {@code xavier_normal} and {@code kaiming_normal}; {@code rezero} for {@code skipinit}.
 * ZerO is {@code zer_o} (the paper's capital O), never {@code zero}, which is one letter from
 * {@code zeros}. Names are read case-insensitively, so the
 * Java constant names ({@code HE_NORMAL}) work too.
 */
public final class InitNames {
  private InitNames() {
    throw new AssertionError("no instances");
  }

  /** Every initializer's signature, canonical names first: the one table of names. */
  private static final List<Signature<Init>> SIGNATURES = List.of(
      preset("zeros", Inits.ZEROS),
      preset("ones", Inits.ONES),
      preset("glorot_uniform", Inits.GLOROT_UNIFORM),
      preset("glorot_normal", Inits.GLOROT_NORMAL),
      preset("glorot_normal_untruncated", Inits.GLOROT_NORMAL_UNTRUNCATED),
      preset("he_uniform", Inits.HE_UNIFORM),
      preset("he_normal", Inits.HE_NORMAL),
      preset("he_normal_untruncated", Inits.HE_NORMAL_UNTRUNCATED),
      preset("lecun_uniform", Inits.LECUN_UNIFORM),
      preset("lecun_normal", Inits.LECUN_NORMAL),
      preset("lecun_normal_untruncated", Inits.LECUN_NORMAL_UNTRUNCATED),
      Signature.named("orthogonal").optional(Param.number("gain").or(1.0))
          .build(v -> new Orthogonal(v.number(0)),
              writing(Orthogonal.class, o -> List.of(o.gain()))),
      Signature.named("identity").optional(Param.number("gain").or(1.0))
          .build(v -> new Identity(v.number(0)),
              writing(Identity.class, i -> List.of(i.gain()))),
      Signature.named("delta_orthogonal").optional(Param.number("gain").or(1.0))
          .build(v -> new DeltaOrthogonal(v.number(0)),
              writing(DeltaOrthogonal.class, d -> List.of(d.gain()))),
      Signature.named("hadamard").optional(Param.number("gain").or(1.0))
          .build(v -> new Hadamard(v.number(0)),
              writing(Hadamard.class, h -> List.of(h.gain()))),
      preset("auto", Inits.AUTO),
      preset("keras_default", Inits.KERAS_DEFAULT),
      preset("pytorch_default", Inits.PYTORCH_DEFAULT),
      Signature.named("lsuv")
          .optional(Param.number("tolerance").or(Lsuv.DEFAULT_TOLERANCE))
          .optional(Param.integer("max_iterations").or(Lsuv.DEFAULT_MAX_ITERATIONS))
          .writtenWith(0, 2)
          .build(v -> new Lsuv(v.number(0), v.integer(1)),
              writing(Lsuv.class, l -> List.of(l.tolerance(), l.maxIterations()))),
      preset("class_prior", Inits.CLASS_PRIOR),
      Signature.named("mimetic")
          .optional(Param.number("alpha").or(Mimetic.DEFAULT_QK),
              Param.number("beta").or(Mimetic.DEFAULT_QK))
          .optional(Param.number("alpha_vo").or(Mimetic.DEFAULT_VO),
              Param.number("beta_vo").or(Mimetic.DEFAULT_VO))
          .build(v -> new Mimetic(v.number(0), v.number(1), v.number(2), v.number(3)),
              writing(Mimetic.class,
                  m -> List.of(m.alphaQk(), m.betaQk(), m.alphaVo(), m.betaVo()))),
      // the schemes for residual nets and transformers (see NetScheme)
      preset("fixup", Inits.FIXUP),
      Signature.named("skipinit").optional(Param.number("alpha").or(0.0))
          .build(v -> new SkipInit(v.number(0)),
              writing(SkipInit.class, x -> List.of(x.alpha()))),
      preset("zer_o", Inits.ZER_O),
      Signature.named("gpt2").optional(Param.number("std").or(Gpt2.DEFAULT_STD))
          .build(v -> new Gpt2(v.number(0)),
              writing(Gpt2.class, g -> List.of(g.std()))),
      Signature.named("t_fixup")
          .optional(Param.choice("stack", TFixup.Stack.class).or(TFixup.Stack.ENCODER))
          .build(v -> new TFixup(v.get(0, TFixup.Stack.class)),
              writing(TFixup.class, t -> List.of(t.stack()))),
      // aliases, read only: the value is already named above
      alias("glorot", Inits.GLOROT),
      alias("xavier_uniform", Inits.XAVIER_UNIFORM),
      alias("xavier_normal", Inits.XAVIER_NORMAL),
      alias("he", Inits.HE),
      alias("kaiming_uniform", Inits.KAIMING_UNIFORM),
      alias("kaiming_normal", Inits.KAIMING_NORMAL),
      alias("lecun", Inits.LECUN),
      alias("rezero", Inits.REZERO),
      Signature.named("constant").required(Param.number("value"))
          .build(v -> new Constant(v.number(0)),
              writing(Constant.class, c -> List.of(c.value()))),
      Signature.named("normal").required(Param.number("mean"), Param.number("std"))
          .build(v -> new Normal(v.number(0), v.number(1)),
              writing(Normal.class, n -> List.of(n.mean(), n.std()))),
      Signature.named("uniform").required(Param.number("lo"), Param.number("hi"))
          .build(v -> new Uniform(v.number(0), v.number(1)),
              writing(Uniform.class, u -> List.of(u.lo(), u.hi()))),
      Signature.named("uniform_sum").required(Param.integer("terms"), Param.number("bound"))
          .build(v -> new UniformSum(v.integer(0), v.number(1)),
              writing(UniformSum.class, u -> List.of(u.terms(), u.bound()))),
      Signature.named("truncated_normal").required(Param.number("mean"), Param.number("std"))
          .build(v -> new TruncatedNormal(v.number(0), v.number(1)),
              writing(TruncatedNormal.class, t -> List.of(t.mean(), t.std()))),
      Signature.named("variance_scaling")
          .required(Param.number("scale"), Param.choice("mode", FanMode.class),
              Param.choice("distribution", Distribution.class))
          .build(v -> new VarianceScaling(v.number(0), v.get(1, FanMode.class),
                  v.get(2, Distribution.class)),
              writing(VarianceScaling.class,
                  x -> List.of(x.scale(), x.mode(), x.distribution()))),
      Signature.named("sparse").required(Param.integer("count"), Param.number("std"))
          .build(v -> new Sparse(v.integer(0), v.number(1)),
              writing(Sparse.class, x -> List.of(x.count(), x.std()))),
      Signature.named("from").required(Param.text("path"), Param.text("array"))
          .build(v -> new Pretrained(v.text(0), v.text(1)),
              writing(Pretrained.class,
                  p -> List.of(new Quoted(p.path()), new Quoted(p.array())))));

  /** Every name {@link #parse} reads, canonical names first. */
  public static List<String> names() {
    return SIGNATURES.stream().map(Signature::name).toList();
  }

  /**
   * Reads an initializer from its name and arguments (numbers as {@link Double}, words as
   * {@link String}); {@code arguments} is empty for a bare name.
   *
   * @throws IllegalArgumentException naming the problem, for an unknown name, the wrong number or
   *     kind of arguments (an {@link dev.primer.dsl.base.ArgumentException}), or a value the
   *     initializer rejects
   */
  public static Init parse(String name, List<Object> arguments) {
    String key = name.toLowerCase(Locale.ROOT);
    return SIGNATURES.stream().filter(s -> s.name().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown initializer '" + Visible.of(name) + "'"
            + Suggestions.closest(key, names()).map(s -> "; did you mean '" + s + "'?").orElse("")
            + " (known: " + String.join(", ", names()) + ")"))
        .parse(arguments);
  }

  /** The text form of {@code init}: its canonical name, with arguments where it has them. */
  public static String text(Init init) {
    for (Signature<Init> signature : SIGNATURES) {
      Optional<List<Object>> arguments = signature.arguments(init);
      if (arguments.isPresent()) {
        return arguments.get().isEmpty() ? signature.name() : signature.call(arguments.get());
      }
    }
    throw new IllegalArgumentException("no name writes " + init);
  }

  /** The canonical name of a preset value (one written without arguments), if it has one. */
  public static Optional<String> presetName(Init init) {
    String text = text(init);
    return text.contains("(") ? Optional.empty() : Optional.of(text);
  }
}
