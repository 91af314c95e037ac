package dev.primer.dsl.init;

/**
 * The recurrent cell a parameter belongs to, with its gates in the order they are laid out along
 * the last axis of its kernel, recurrent kernel and bias (Keras's order).
 */
public enum Cell {
  /** Not a recurrent layer: one block. */
  NONE(""),
  /** h' = tanh(x W + h U + b): one block. */
  SIMPLE_RNN("h"),
  /** Gates input, forget, cell candidate, output: four blocks [i, f, c, o]. */
  LSTM("i", "f", "c", "o"),
  /** Gates update, reset, candidate: three blocks [z, r, h] (reset applied before the matmul). */
  GRU("z", "r", "h");

  /** Index of the LSTM's forget gate among its blocks. */
  public static final int LSTM_FORGET_GATE = 1;

  private final String[] gateNames;

  Cell(String... gateNames) {
    this.gateNames = gateNames;
  }

  /** How many blocks of {@code units} columns the recurrent parameters hold. */
  public int gates() {
    return gateNames.length;
  }

  /** The short name of gate {@code gate}: {@code f} for an LSTM's forget gate. */
  public String gateName(int gate) {
    return gateNames[gate];
  }
}
