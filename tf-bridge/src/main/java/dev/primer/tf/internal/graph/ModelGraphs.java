package dev.primer.tf.internal.graph;

import java.util.Objects;

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
  private static volatile Access access;

  private ModelGraphs() {
    throw new AssertionError("no instances");
  }

  /** What {@code Model} hands out to the bridge's packages. */
  public interface Access {
    /** The model's compiled graph; throws {@code the model is closed} once it is. */
    CompiledGraph graph(Object model);

    /** The model's gate: calls that run its session hold one of its calls while they run. */
    CallGate gate(Object model);
  }

  /**
   * Sets the accessor; called once, by {@code Model}'s static initializer.
   *
   * @throws IllegalStateException if one is set already
   */
  public static synchronized void register(Access accessor) {
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
    return access.graph(Objects.requireNonNull(model, "model"));
  }

  /**
   * The {@link CallGate} of {@code model}, a {@code Model} of the bridge: code that runs the
   * model's session holds one of its calls meanwhile, so that closing the model waits for it.
   */
  public static CallGate gate(Object model) {
    return access.gate(Objects.requireNonNull(model, "model"));
  }
}
