package dev.primer.dsl.init;

/**
 * An initializer made for deep residual nets and transformers, which chooses each parameter's
 * values from where its layer sits in the net's residual structure ({@link Target#place()}: how
 * many residual branches the net has, how many weighted layers the branch has, which of them
 * this is) and not from the parameter's shape alone.
 * <pre>
 *   fixup     Zhang, Dauphin and Ma 2019       {@link Fixup}
 *   skipinit  De and Smith 2020 (and rezero,   {@link SkipInit}
 *             Bachlechner et al. 2020)
 *   zer_o     Zhao, Schaefer and Anandkumar    {@link ZerO}
 *             2021
 *   gpt2      Radford et al. 2019              {@link Gpt2}
 *   t_fixup   Huang et al. 2020                {@link TFixup}
 * </pre>
 * Named as a layer's kernel init, or net-wide ({@code defaultInit(fixup)}, and so as a scheme of
 * {@code primer compare}), a scheme also decides the layer's other parameters that name no init
 * of their own (biases, branch scales): see {@link #alsoDecides}. None of Keras, PyTorch's
 * {@code nn.init}, JAX, Deeplearning4j, KotlinDL or DJL ships these.
 */
public sealed interface NetScheme extends Rule permits Fixup, SkipInit, ZerO, Gpt2, TFixup {

  /** Calls the visitor's method for this scheme. */
  <R> R accept(Visitor<R> visitor);

  @Override
  default <R> R accept(Init.Visitor<R> visitor) {
    return accept((Visitor<R>) visitor);
  }

  /**
   * Every parameter of its layer that names no init of its own: the whole scheme applies; a
   * residual branch's scale only for the schemes that set one ({@link #setsBranchScale}), so
   * that {@code scaled(v)} keeps its value under the others.
   */
  @Override
  default boolean alsoDecides(Role role) {
    return role != Role.KERNEL && (role != Role.BRANCH_SCALE || setsBranchScale());
  }

  /**
   * Whether the scheme decides where a residual branch's scale starts: Fixup (1) and SkipInit
   * (its alpha) do; GPT-2, T-Fixup and ZerO leave it to {@code scaled(v)} or AUTO's 1.
   */
  default boolean setsBranchScale() {
    return false;
  }

  /** One method per scheme. */
  interface Visitor<R> {
    /** Visits a {@link Fixup}. */
    R fixup(Fixup f);

    /** Visits a {@link SkipInit}. */
    R skipInit(SkipInit s);

    /** Visits a {@link ZerO}. */
    R zerO(ZerO z);

    /** Visits a {@link Gpt2}. */
    R gpt2(Gpt2 g);

    /** Visits a {@link TFixup}. */
    R tFixup(TFixup t);
  }
}
