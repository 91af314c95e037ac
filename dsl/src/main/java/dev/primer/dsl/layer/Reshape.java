package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import java.util.List;

/** Gives each example a new shape with the same number of values, row-major. No parameters. */
public record Reshape(Shape target) implements Layer {

  /** {@code reshape(dims...)}. */
  public static final Signature<Reshape> SIGNATURE = Signature.named("reshape")
      .rest(Param.integers("dims"))
      .build(v -> new Reshape(Shape.of(v.integers(0))),
          Signature.writing(Reshape.class, r -> List.of(r.target())));

  /** Checks that a target shape is given. */
  public Reshape {
    if (target == null) {
      throw new IllegalArgumentException("reshape needs a target shape");
    }
  }

  @Override public Signature<Reshape> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "reshape"; }

  @Override
  public Shape outputShape(Shape input) {
    if (input.size() != target.size()) {
      throw new IllegalArgumentException("cannot reshape " + input + " (" + input.size()
          + " values) to " + target + " (" + target.size() + " values)");
    }
    return target;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.reshape(this);
  }
}
