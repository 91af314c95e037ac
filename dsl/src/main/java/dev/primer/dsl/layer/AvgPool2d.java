package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import java.util.List;

/**
 * Takes the mean of each {@code pool x pool} window of an image, per channel, moving by
 * {@code stride} (default: {@code pool}). No parameters.
 */
public record AvgPool2d(int pool, int stride, Padding padding) implements Layer {

  public AvgPool2d {
    Pooling.check(pool, stride, padding);
  }

  @Override public String kind() { return "avgPool2d"; }
  @Override public String nameStem() { return "avg_pool2d"; }
  @Override public List<Object> arguments() { return Pooling.arguments(pool, stride, padding); }

  @Override
  public Shape outputShape(Shape input) {
    return Pooling.outputShape(input, pool, stride, padding);
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    return List.of();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.avgPool2d(this);
  }
}
