package dev.primer.dsl.layer;

import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Cell;

/**
 * Long short-term memory (Hochreiter and Schmidhuber 1997), gates in the order [i, f, c, o]:
 * <pre>
 *   i = sigmoid(x W_i + h U_i + b_i)    f = sigmoid(x W_f + h U_f + b_f)
 *   g = tanh(x W_c + h U_c + b_c)       o = sigmoid(x W_o + h U_o + b_o)
 *   c' = f * c + i * g                  h' = o * tanh(c')
 * </pre>
 */
public record Lstm(int units, Returns returns) implements Recurrent {

  /** {@code lstm(units[,last|sequences])}. */
  public static final Signature<Lstm> SIGNATURE =
      Recurrent.signature("lstm", Lstm.class, Lstm::new);

  /** Checks the arguments: {@code units} &gt; 0, {@code returns} given. */
  public Lstm {
    Recurrent.check(units, returns);
  }

  @Override public Signature<Lstm> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "lstm"; }
  @Override public Cell cell() { return Cell.LSTM; }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.lstm(this);
  }
}
