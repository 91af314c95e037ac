package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * 2-D convolution of an image [height, width, channels] with {@code filters} square kernels of
 * {@code kernel x kernel} taps: kernel W of shape [kernel, kernel, channels, filters], bias
 * [filters]. Output [h', w', filters] with h' as {@link Padding} says.
 */
public record Conv2d(int filters, int kernel, int stride, Padding padding) implements Layer {

  /** {@code conv2d(filters,kernel[,stride[,valid|same]])}: stride 1, valid padding. */
  public static final Signature<Conv2d> SIGNATURE = Signature.named("conv2d")
      .required(Param.integer("filters"), Param.integer("kernel"))
      .optional(Param.integer("stride").or(1))
      .optional(Param.choice("padding", Padding.class).or(Padding.VALID))
      .build(v -> new Conv2d(v.integer(0), v.integer(1), v.integer(2), v.get(3, Padding.class)),
          Signature.writing(Conv2d.class,
              c -> List.of(c.filters(), c.kernel(), c.stride(), c.padding())));

  /** Checks the arguments: filters, kernel size and stride &gt; 0, a padding given. */
  public Conv2d {
    Inputs.requirePositive("filters", filters);
    Inputs.requirePositive("kernel size", kernel);
    Inputs.requirePositive("stride", stride);
    if (padding == null) {
      throw new IllegalArgumentException("padding must be valid or same, got null");
    }
  }

  @Override public Signature<Conv2d> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "conv2d"; }
  @Override public boolean mixesUnits() { return true; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL, Role.BIAS); }
  @Override public int parameterRank(Role role) { return role == Role.KERNEL ? 4 : 1; }

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
