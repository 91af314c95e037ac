package dev.primer.dsl.layer;

import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Cell;

/** Elman recurrence: h_t = tanh(x_t W + h_{t-1} U + b). One gate. */
public record SimpleRnn(int units, Returns returns) implements Recurrent {

  /** {@code simpleRnn(units[,last|sequences])}. */
  public static final Signature<SimpleRnn> SIGNATURE =
      Recurrent.signature("simpleRnn", SimpleRnn.class, SimpleRnn::new);

  /** Checks the arguments: {@code units} &gt; 0, {@code returns} given. */
  public SimpleRnn {
    Recurrent.check(units, returns);
  }

  @Override public Signature<SimpleRnn> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "simple_rnn"; }
  @Override public Cell cell() { return Cell.SIMPLE_RNN; }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.simpleRnn(this);
  }
}
