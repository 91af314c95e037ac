package dev.primer.dsl.layer;

import dev.primer.dsl.init.Role;
import dev.primer.dsl.base.Shape;
import java.util.List;
import java.util.Set;

/**
 * 2-D convolution of an image [height, width, channels] with {@code filters} square kernels of
 * {@code kernel x kernel} taps: kernel W of shape [kernel, kernel, channels, filters], bias
 * [filters]. Output [h', w', filters] with h' as {@link Padding} says.
 */
public record Conv2d(int filters, int kernel, int stride, Padding padding) implements Layer {

  public Conv2d {
    Inputs.requirePositive("filters", filters);
    Inputs.requirePositive("kernel size", kernel);
    Inputs.requirePositive("stride", stride);
    if (padding == null) {
      throw new IllegalArgumentException("padding must be valid or same, got null");
    }
  }

  @Override public String kind() { return "conv2d"; }
  @Override public String nameStem() { return "conv2d"; }
  @Override public boolean mixesUnits() { return true; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL, Role.BIAS); }
  @Override public int parameterRank(Role role) { return role == Role.KERNEL ? 4 : 1; }

  @Override
  public List<Object> arguments() {
    if (padding != Padding.VALID) {
      return List.of(filters, kernel, stride, padding);
    }
    return stride != 1 ? List.of(filters, kernel, stride) : List.of(filters, kernel);
  }

  @Override
  public Shape outputShape(Shape input) {
    Inputs.requireImage(input);
    return Shape.of(
        padding.outputLength(input.dim(0), kernel, stride, "height"),
        padding.outputLength(input.dim(1), kernel, stride, "width"),
        filters);
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    return List.of(
        new ParameterShape(Role.KERNEL, Shape.of(kernel, kernel, input.last(), filters)),
        new ParameterShape(Role.BIAS, Shape.of(filters)));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.conv2d(this);
  }
}
