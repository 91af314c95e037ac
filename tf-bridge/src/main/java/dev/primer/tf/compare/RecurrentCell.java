package dev.primer.tf.compare;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.layer.StateActivation;
import dev.primer.dsl.spec.NetSpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * The recurrent layers a {@link RecurrentMemory} experiment compares, each by the name the
 * command line and the results use.
 */
public enum RecurrentCell {
  /** Elman recurrence with tanh: {@code simpleRnn(units)}. */
  SIMPLE_RNN("simple_rnn"),
  /**
   * Elman recurrence with relu, {@code simpleRnn(units,last,relu)}: with an identity recurrent
   * kernel, the IRNN of Le, Jaitly and Hinton (2015).
   */
  RELU_RNN("relu_rnn"),
  /** {@code lstm(units)}. */
  LSTM("lstm"),
  /** {@code gru(units)}. */
  GRU("gru");

  private final String text;

  RecurrentCell(String text) {
    this.text = text;
  }

  /** The name in results and on the command line. */
  public String text() {
    return text;
  }

  /**
   * The net {@code input(steps, features) · this layer (units) with recurrentInit(init) ·
   * dense(outputs)}: one recurrent layer read out by a linear layer at the last step.
   */
  public NetSpec net(int steps, int features, int units, Init recurrentInit, int outputs) {
    NetSpec input = dev.primer.dsl.Net.input(steps, features);
    return switch (this) {
      case SIMPLE_RNN -> input.simpleRnn(units).recurrentInit(recurrentInit).dense(outputs);
      case RELU_RNN -> input.simpleRnn(units, Returns.LAST, StateActivation.RELU)
          .recurrentInit(recurrentInit).dense(outputs);
      case LSTM -> input.lstm(units).recurrentInit(recurrentInit).dense(outputs);
      case GRU -> input.gru(units).recurrentInit(recurrentInit).dense(outputs);
    };
  }

  /**
   * The cell named {@code text} ({@code simple_rnn}, {@code relu_rnn}, {@code lstm}, {@code gru}).
   *
   * @throws IllegalArgumentException naming the allowed names
   */
  public static RecurrentCell named(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.text.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown recurrent cell '" + text
            + "'; one of " + String.join(", ",
                Arrays.stream(values()).map(RecurrentCell::text).toList())));
  }
}
