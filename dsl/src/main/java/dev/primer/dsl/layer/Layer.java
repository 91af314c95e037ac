package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * One layer of a network: its structure only (units, kernel size, rate). Which activation follows
 * it and which initializers fill its parameters are kept beside it in
 * {@code dev.primer.dsl.LayerSpec}. A closed family of immutable values.
 *
 * <p>Rules that need no input shape are checked by each record's constructor; rules that do are
 * checked by {@link #outputShape}. Both throw {@link IllegalArgumentException} with the rule and
 * the value received; the caller adds which layer it was.
 */
public sealed interface Layer
    permits Dense, Conv2d, Pool2d, Flatten, Reshape, Dropout, BatchNorm, Recurrent, Residual,
        Repeat {

  /** Calls the visitor's method for this layer. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per layer kind, so code that handles every kind (the TensorFlow bridge) cannot
   * forget one when a kind is added.
   */
  interface Visitor<R> {
    /** Visits a {@link Dense} layer. */
    R dense(Dense d);

    /** Visits a {@link Conv2d} layer. */
    R conv2d(Conv2d c);

    /** Visits a {@link MaxPool2d} layer. */
    R maxPool2d(MaxPool2d p);

    /** Visits an {@link AvgPool2d} layer. */
    R avgPool2d(AvgPool2d p);

    /** Visits a {@link Flatten} layer. */
    R flatten(Flatten f);

    /** Visits a {@link Reshape} layer. */
    R reshape(Reshape r);

    /** Visits a {@link Dropout} layer. */
    R dropout(Dropout d);

    /** Visits a {@link BatchNorm} layer. */
    R batchNorm(BatchNorm b);

    /** Visits a {@link SimpleRnn} layer. */
    R simpleRnn(SimpleRnn r);

    /** Visits an {@link Lstm} layer. */
    R lstm(Lstm l);

    /** Visits a {@link Gru} layer. */
    R gru(Gru g);

    /**
     * Visits the sum that ends a {@link Residual}: in a resolved net, the entry after its
     * branch's layers, which adds the branch's output (times its scale) to the skip path.
     */
    R residual(Residual r);

    /**
     * Visits a {@link Repeat}. A resolved net never holds one (resolution expands it into its
     * copies), so code that walks resolved layers may treat it as unreachable.
     */
    R repeat(Repeat r);
  }

  /**
   * The layer kind's name, typed arguments and defaults, as the Java steps, the parser and the
   * writer use them: see {@link LayerKinds}.
   */
  Signature<? extends Layer> signature();

  /** The method name in the chain and the text form: {@code dense}, {@code maxPool2d}. */
  default String kind() {
    return signature().name();
  }

  /** The stem of the layer's name in parameter names: {@code dense} in {@code dense_0/kernel}. */
  String nameStem();

  /**
   * The shape of one example after this layer.
   *
   * @throws IllegalArgumentException naming the rule, if the layer cannot take this input
   */
  Shape outputShape(Shape input);

  /**
   * The parameter's name inside the layer: {@link Role#paramName()} ({@code kernel} in
   * {@code dense_0/kernel}); a residual names its skip projection {@code projection/kernel}.
   */
  default String parameterName(Role role) {
    return role.paramName();
  }

  /** The parameters this layer holds for this input shape, in a fixed order; none by default. */
  default List<ParameterShape> parameters(Shape input) {
    return List.of();
  }

  /**
   * The rank of this layer's parameter of {@code role}, known before any input shape: 1 for a
   * bias, 2 for dense and recurrent kernels (4 for conv kernels, which override this).
   */
  default int parameterRank(Role role) {
    return role == Role.KERNEL || role == Role.RECURRENT_KERNEL ? 2 : 1;
  }

  /** The roles a user may choose an initializer for: kernel, bias, recurrent kernel. */
  default Set<Role> initializable() {
    return Set.of();
  }

  /**
   * Whether the layer holds parameters (for any input shape): what {@code frozen()} can freeze.
   * Layers with initializable parameters do; batch norm overrides it.
   */
  default boolean hasParameters() {
    return !initializable().isEmpty();
  }

  /**
   * Whether the layer combines different units (dense, conv, recurrent). Layers that don't
   * (batch norm, dropout, pooling, flatten, reshape) let AUTO look through them for the
   * activation that follows a weighted layer.
   */
  default boolean mixesUnits() {
    return false;
  }

  /**
   * The arguments as the text form writes them, in order, trailing defaults left out: each an
   * {@link Integer}, a {@link Double}, an {@code int[]} (dimensions) or an enum (its lower-case
   * name).
   */
  default List<Object> arguments() {
    return signature().arguments(this).orElseThrow();
  }

  /** The layer as the text form writes it, without activation or inits: {@code conv2d(32,5)}. */
  default String text() {
    return signature().write(this).orElseThrow();
  }
}
