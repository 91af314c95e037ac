package dev.primer.dsl.layer;

import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Cell;

/**
 * Gated recurrent unit (Cho et al. 2014), gates in the order [z, r, h], the reset gate applied to
 * the state before its matmul (Keras's {@code reset_after=False}):
 * <pre>
 *   z = sigmoid(x W_z + h U_z + b_z)    r = sigmoid(x W_r + h U_r + b_r)
 *   g = tanh(x W_h + (r * h) U_h + b_h)
 *   h' = z * h + (1 - z) * g
 * </pre>
 */
public record Gru(int units, Returns returns) implements Recurrent {

  /** {@code gru(units[,last|sequences])}. */
  public static final Signature<Gru> SIGNATURE =
      Recurrent.signature("gru", Gru.class, Gru::new);

  /** Checks the arguments: {@code units} &gt; 0, {@code returns} given. */
  public Gru {
    Recurrent.check(units, returns);
  }

  @Override public Signature<Gru> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "gru"; }
  @Override public Cell cell() { return Cell.GRU; }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.gru(this);
  }
}
