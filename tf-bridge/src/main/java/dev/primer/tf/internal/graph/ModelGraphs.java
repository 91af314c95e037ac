package dev.primer.tf.internal.graph;

import java.util.Objects;
import java.util.function.Function;

/**
 * How the bridge's own packages reach a model's {@link CompiledGraph} although {@code Model} has
 * no public method that hands it out (the pattern of the JDK's {@code SharedSecrets}): {@code
 * Model} registers the one accessor when its class initializes, and anyone holding a model can
 * only have gotten it after that. Typed on {@code Object} so this package does not import
 * {@code dev.primer.tf} (no package cycle).
 *
 * <p>Internal: an application that calls this gets no compatibility promise.
 */
public final class ModelGraphs {
  private static volatile Function<Object, CompiledGraph> access;

  private ModelGraphs() {
    throw new AssertionError("no instances");
  }

  /**
   * Sets the accessor; called once, by {@code Model}'s static initializer.
   *
   * @throws IllegalStateException if one is set already
   */
  public static synchronized void register(Function<Object, CompiledGraph> accessor) {
    if (access != null) {
      throw new IllegalStateException("the model accessor is registered already");
    }
    access = Objects.requireNonNull(accessor);
  }

  /**
   * The compiled graph of {@code model}, a {@code Model} of the bridge.
   *
   * @throws IllegalStateException if the model is closed
   */
  public static CompiledGraph of(Object model) {
    return access.apply(Objects.requireNonNull(model, "model"));
  }
}
