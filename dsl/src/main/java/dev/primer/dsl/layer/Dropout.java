package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import java.util.List;

/**
 * While training, zeroes each value with probability {@code rate} and scales the others by
 * 1 / (1 - rate), so the expected value is unchanged; does nothing at inference.
 */
public record Dropout(double rate) implements Layer {

  /** {@code dropout(rate)}. */
  public static final Signature<Dropout> SIGNATURE = Signature.named("dropout")
      .required(Param.number("rate"))
      .build(v -> new Dropout(v.number(0)),
          Signature.writing(Dropout.class, d -> List.of(d.rate())));

  /** Checks that {@code rate} is in [0, 1). */
  public Dropout {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1), got " + rate);
    }
  }

  @Override public Signature<Dropout> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "dropout"; }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropout(this);
  }
}
