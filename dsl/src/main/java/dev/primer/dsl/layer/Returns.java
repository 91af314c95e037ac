package dev.primer.dsl.layer;

/** What a recurrent layer outputs. */
public enum Returns {
  /** The last step's state only: [units]. */
  LAST,
  /** The state at every step: [steps, units], for stacking recurrent layers. */
  SEQUENCES;

  /** The name in the text form: {@code last}, {@code sequences}. */
  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
