package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Cell;
import java.util.List;

/**
 * Elman recurrence: h_t = φ(x_t W + h_{t-1} U + b), φ = tanh (the default) or relu (with U = I:
 * the IRNN, see {@link StateActivation}). One gate.
 *
 * @param units the size of the state
 * @param returns the last state or every state
 * @param activation φ
 */
public record SimpleRnn(int units, Returns returns, StateActivation activation)
    implements Recurrent {

  /** {@code simpleRnn(units[,last|sequences[,tanh|relu]])}. */
  public static final Signature<SimpleRnn> SIGNATURE = Signature.named("simpleRnn")
      .required(Param.integer("units"))
      .optional(Param.choice("returns", Returns.class).or(Returns.LAST))
      .optional(Param.choice("activation", StateActivation.class).or(StateActivation.TANH))
      .build(v -> new SimpleRnn(v.integer(0), v.get(1, Returns.class),
              v.get(2, StateActivation.class)),
          Signature.writing(SimpleRnn.class,
              r -> List.of(r.units(), r.returns(), r.activation())));

  /** Checks the arguments: {@code units} &gt; 0, {@code returns} given. */
  public SimpleRnn {
    Recurrent.check(units, returns);
    if (activation == null) {
      throw new IllegalArgumentException("simpleRnn: activation must be tanh or relu, got null");
    }
  }

  /** A tanh recurrence. */
  public SimpleRnn(int units, Returns returns) {
    this(units, returns, StateActivation.TANH);
  }

  /** The nonlinearity of the recurrence: tanh or relu. */
  @Override public StateActivation activation() { return activation; }
  @Override public Signature<SimpleRnn> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "simple_rnn"; }
  @Override public Cell cell() { return Cell.SIMPLE_RNN; }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.simpleRnn(this);
  }
}
