package dev.primer.dsl.param;

/**
 * How a net's init, output and learning rates scale with its width: the standard
 * parametrization (every layer as its initializer says, one learning rate for all) or muP.
 * A net-wide choice of the spec, written in its text form right after the input
 * ({@code input(784).mup(64).dense(256)...}); the standard one is not written.
 */
public sealed interface Parametrization permits Standard, Mup {

  /** The standard parametrization: nothing is rescaled. */
  static Parametrization standard() {
    return Standard.INSTANCE;
  }

  /**
   * muP with hidden widths measured against {@code baseWidth}: see {@link Mup}.
   *
   * @throws IllegalArgumentException if baseWidth &lt;= 0
   */
  static Parametrization mup(int baseWidth) {
    return new Mup(baseWidth);
  }

  /** The text form: {@code standard} or {@code mup(64)}. */
  String text();

  /** Calls the visitor's method for this parametrization. */
  <R> R accept(Visitor<R> visitor);

  /** One method per parametrization. */
  interface Visitor<R> {
    /** Visits the {@link Standard} parametrization. */
    R standard(Standard s);

    /** Visits {@link Mup}. */
    R mup(Mup m);
  }
}
