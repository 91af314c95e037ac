package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A residual connection around a block: y = P x + alpha f(x), where f is the block (its
 * <em>branch</em>), P the skip path and alpha the branch scale.
 * <ul>
 *   <li>P is the identity when f keeps the shape of x; otherwise a learned linear projection
 *       without bias (He et al. 2016, option B), a kernel [in, out] on the last axis ([1, 1, in,
 *       out], a 1x1 convolution, on images). The projection can change only the last dimension
 *       (features or channels): a branch that changes the others (a strided conv, pooling) is
 *       refused, naming both shapes.
 *   <li>alpha is 1 (the plain sum) unless {@code scaled(v)} is given: then alpha is a learned
 *       scalar ({@link Role#BRANCH_SCALE}, shape [1]) that starts at v; v = 0 is SkipInit (De &amp;
 *       Smith 2020) and ReZero (Bachlechner et al. 2020): every block starts as the identity.
 * </ul>
 * In a resolved net the branch's layers come first, named inside the block
 * ({@code block_7/dense_1}), then one entry of this kind, named as the block ({@code block_7}),
 * that computes the sum and holds {@code block_7/projection/kernel} and {@code block_7/scale}.
 * An activation after the residual applies to the sum (ResNet's relu(x + f(x))).
 *
 * @param block the branch f
 * @param scale the branch scale's starting value, if the branch is scaled by a learned scalar
 */
public record Residual(Fragment block, Optional<Double> scale) implements Layer {

  /** {@code residual(block)}; the scale is written apart, {@code .scaled(v)}. */
  public static final Signature<Residual> SIGNATURE = Signature.named("residual")
      .required(Param.any("block"))
      .build(v -> new Residual(v.get(0, Fragment.class), Optional.empty()),
          Signature.writing(Residual.class, r -> List.of(r.block())));

  /** {@code scaled(v)}: the step after {@code residual(...)} that adds the learned scale. */
  public static final Signature<Double> SCALED = Signature.named("scaled")
      .required(Param.number("initial"))
      .build(v -> v.number(0), Signature.writing(Double.class, d -> List.of(d)));

  /** Checks that the scale, if any, is finite. */
  public Residual {
    java.util.Objects.requireNonNull(block, "block");
    if (scale.isPresent() && !Double.isFinite(scale.get())) {
      throw new IllegalArgumentException("scaled: the starting value must be finite, got "
          + scale.get());
    }
  }

  /** The same residual with a learned branch scale starting at {@code initial}. */
  public Residual scaled(double initial) {
    return new Residual(block, Optional.of(initial));
  }

  @Override public Signature<Residual> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "block"; }
  @Override public boolean mixesUnits() { return true; }

  /** True: {@code frozen()} after a residual freezes its own projection and scale, if any. */
  @Override public boolean hasParameters() { return true; }

  @Override
  public String parameterName(Role role) {
    return role == Role.KERNEL ? "projection/kernel" : role.paramName();
  }

  @Override
  public int parameterRank(Role role) {
    return role == Role.BRANCH_SCALE ? 1 : Layer.super.parameterRank(role);
  }

  /** {@code residual(dense(4).relu())}, then {@code .scaled(0)} if scaled. */
  @Override
  public String text() {
    return SIGNATURE.write(this).orElseThrow()
        + scale.map(v -> "." + SCALED.call(List.of(v))).orElse("");
  }

  /** The output of the branch: the block's output shape. */
  @Override
  public Shape outputShape(Shape input) {
    Shape output = block.outputShape(input);
    projection(input, output);
    return output;
  }

  /** The skip projection's kernel when the branch changes the shape, then the scale if scaled. */
  @Override
  public List<ParameterShape> parameters(Shape input) {
    List<ParameterShape> parameters = new ArrayList<>();
    projection(input, block.outputShape(input)).ifPresent(parameters::add);
    if (scale.isPresent()) {
      parameters.add(new ParameterShape(Role.BRANCH_SCALE, Shape.of(1)));
    }
    return parameters;
  }

  /**
   * The kernel of the skip path from {@code input} to {@code output}: none when they are equal.
   *
   * @throws IllegalArgumentException if they differ in more than the last dimension
   */
  static Optional<ParameterShape> projection(Shape input, Shape output) {
    if (input.equals(output)) {
      return Optional.empty();
    }
    boolean onlyLast = input.rank() == output.rank();
    for (int i = 0; onlyLast && i < input.rank() - 1; i++) {
      onlyLast = input.dim(i) == output.dim(i);
    }
    if (!onlyLast) {
      throw new IllegalArgumentException("the branch maps " + input + " to " + output
          + "; the skip path's projection can change only the last dimension (features or"
          + " channels), so the branch must keep the others");
    }
    Shape kernel = input.rank() == 3
        ? Shape.of(1, 1, input.last(), output.last())
        : Shape.of(input.last(), output.last());
    return Optional.of(new ParameterShape(Role.KERNEL, kernel));
  }

  /** A one-line form for tables: {@code residual} or {@code residual.scaled(0)}. */
  public String shortText() {
    return "residual" + scale.map(v -> "." + SCALED.call(List.of(v))).orElse("");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.residual(this);
  }
}
