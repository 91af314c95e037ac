package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import java.util.List;

/** Turns any shape into a flat vector of all its values, row-major. No parameters. */
public record Flatten() implements Layer {

  /** {@code flatten()}. */
  public static final Signature<Flatten> SIGNATURE = Signature.named("flatten")
      .build(v -> new Flatten(), Signature.writing(Flatten.class, f -> List.of()));

  @Override public Signature<Flatten> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "flatten"; }

  @Override
  public Shape outputShape(Shape input) {
    long size = input.size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("flattening " + input + " gives " + size
          + " values, more than " + Integer.MAX_VALUE);
    }
    return Shape.of((int) size);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.flatten(this);
  }
}
