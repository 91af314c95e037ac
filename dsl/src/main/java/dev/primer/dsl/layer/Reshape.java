package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import java.util.List;

/** Gives each example a new shape with the same number of values, row-major. No parameters. */
public record Reshape(Shape target) implements Layer {

  public Reshape {
    if (target == null) {
      throw new IllegalArgumentException("reshape needs a target shape");
    }
  }

  @Override public String kind() { return "reshape"; }
  @Override public String nameStem() { return "reshape"; }
  @Override public List<Object> arguments() { return List.of(target); }

  @Override
  public Shape outputShape(Shape input) {
    if (input.size() != target.size()) {
      throw new IllegalArgumentException("cannot reshape " + input + " (" + input.size()
          + " values) to " + target + " (" + target.size() + " values)");
    }
    return target;
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    return List.of();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.reshape(this);
  }
}
