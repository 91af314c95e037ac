package dev.primer.dsl.param;

/**
 * The standard parametrization (SP): each parameter starts as its initializer says, the output
 * is the last layer's value as it is, and every parameter trains with the optimizer's one rate.
 */
public record Standard() implements Parametrization {
  /** The one value. */
  static final Standard INSTANCE = new Standard();

  @Override
  public String text() {
    return "standard";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.standard(this);
  }
}
