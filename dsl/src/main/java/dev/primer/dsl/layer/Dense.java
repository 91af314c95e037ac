package dev.primer.dsl.layer;

import dev.primer.dsl.init.Role;
import dev.primer.dsl.base.Shape;
import java.util.List;
import java.util.Set;

/**
 * Fully connected: y = x W + b, W of shape [features, units], b of shape [units]. Takes a flat
 * input [features].
 */
public record Dense(int units) implements Layer {

  public Dense {
    Inputs.requirePositive("units", units);
  }

  @Override public String kind() { return "dense"; }
  @Override public String nameStem() { return "dense"; }
  @Override public boolean mixesUnits() { return true; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL, Role.BIAS); }
  @Override public List<Object> arguments() { return List.of(units); }

  @Override
  public Shape outputShape(Shape input) {
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
