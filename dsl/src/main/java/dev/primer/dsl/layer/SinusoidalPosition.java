package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import java.util.List;

/**
 * The fixed sinusoidal position encoding of Vaswani et al. (2017), "Attention is all you need",
 * section 3.5, added to a sequence [steps, d]: y_t = x_t + PE_t with, for position t from 0 and
 * i = 0, 1, ..., d/2 - 1,
 * <pre>
 *   PE(t, 2i)     = sin(t / 10000^(2i / d))
 *   PE(t, 2i + 1) = cos(t / 10000^(2i / d))
 * </pre>
 * (an odd d ends with a sine column). No parameters: the values are computed by
 * {@link #encoding}, which the TensorFlow bridge adds as a constant.
 */
public record SinusoidalPosition() implements Layer {

  /** {@code sinusoidalPosition()}. */
  public static final Signature<SinusoidalPosition> SIGNATURE =
      Signature.named("sinusoidalPosition").build(v -> new SinusoidalPosition(),
          Signature.writing(SinusoidalPosition.class, p -> List.of()));

  @Override public Signature<SinusoidalPosition> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "sinusoidal_position"; }

  @Override
  public Shape outputShape(Shape input) {
    Inputs.requireSequence(input);
    return input;
  }

  /** PE for {@code steps} positions of {@code d} features, row-major [steps, d], as above. */
  public static float[] encoding(int steps, int d) {
    float[] pe = new float[Math.multiplyExact(steps, d)];
    for (int t = 0; t < steps; t++) {
      for (int j = 0; j < d; j++) {
        double angle = t / Math.pow(10000, (double) (j - j % 2) / d);
        pe[t * d + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    return pe;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.sinusoidalPosition(this);
  }
}
