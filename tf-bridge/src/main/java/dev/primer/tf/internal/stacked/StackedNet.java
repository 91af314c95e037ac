package dev.primer.tf.internal.stacked;

import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.Optional;

/**
 * Which runs {@link StackedGraph} trains together, and how many in one graph. Any net whose
 * copies fit in a group ({@link #groupSize}); any scheme without a data-dependent step (LSUV and
 * the class prior finish their init on training data, per model, before fit: those runs train
 * alone). {@link #whyNot} and {@link #whyNotScheme} say why not in words a listener can show.
 */
public final class StackedNet {
  private StackedNet() {
    throw new AssertionError("no instances");
  }

  /**
   * The most parameter values one group of runs holds, {@code runs x parameters}: 2^24 (64 MiB
   * of float32; with the optimizer's slots, the gradients and the copies a step makes, about
   * four times that). Compare's default net (269,322 parameters) fits 62 runs in a group.
   * Training runs together pays where a step is short (a session call and per-op costs are a
   * large part of it); a net too large for two runs in a group gains little and trains alone.
   */
  public static final long GROUP_VALUES = 1L << 24;

  /**
   * How many runs of {@code net} train together in one group: {@link #GROUP_VALUES} divided
   * by the net's parameters.
   */
  public static int groupSize(ResolvedNet net) {
    return (int) Math.min(Integer.MAX_VALUE, GROUP_VALUES / Math.max(1, net.parameterCount()));
  }

  /**
   * Why runs of {@code net} cannot be trained together, or empty when they can: a net too
   * large for two runs in a group ({@link #groupSize}).
   */
  public static Optional<String> whyNot(ResolvedNet net) {
    if (groupSize(net) < 2) {
      return Optional.of("its " + net.parameterCount() + " parameters are too many to gain from"
          + " training runs together (at most " + GROUP_VALUES + " values in a group)");
    }
    return Optional.empty();
  }

  /**
   * Why a scheme's resolved {@code net} cannot train with the others in one graph, or empty:
   * a data-dependent initializer (LSUV, class prior) finishes on training data per model, so
   * those schemes train one run at a time.
   */
  public static Optional<String> whyNotScheme(ResolvedNet net) {
    return net.dataDependent().stream().findFirst().map(StackedNet::dataDependent);
  }

  private static String dataDependent(Parameter p) {
    return p.name() + " initializes from data (" + p.label() + ")";
  }
}
