package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * Fully connected: y = x W + b, W of shape [features, units], b of shape [units]. Takes a flat
 * input [features], or a sequence [steps, features], where it maps each step alike (the same W
 * and b at every position) to [steps, units]: a per-position output layer.
 */
public record Dense(int units) implements Layer {

  /** {@code dense(units)}. */
  public static final Signature<Dense> SIGNATURE = Signature.named("dense")
      .required(Param.integer("units"))
      .build(v -> new Dense(v.integer(0)), Signature.writing(Dense.class, d -> List.of(d.units())));

  /** Checks that {@code units} is &gt; 0. */
  public Dense {
    Inputs.requirePositive("units", units);
  }

  @Override public Signature<Dense> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "dense"; }
  @Override public boolean mixesUnits() { return true; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL, Role.BIAS); }

  @Override
  public Shape outputShape(Shape input) {
    if (input.rank() == 2) {
      return Shape.of(input.dim(0), units);
    }
    Inputs.requireFlat(input);
    return Shape.of(units);
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    return List.of(
        new ParameterShape(Role.KERNEL, Shape.of(input.last(), units)),
        new ParameterShape(Role.BIAS, Shape.of(units)));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dense(this);
  }
}
