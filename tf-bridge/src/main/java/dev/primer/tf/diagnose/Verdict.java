package dev.primer.tf.diagnose;

import dev.primer.dsl.base.Numbers;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in one layer: what kind, the number that triggered it and the threshold it
 * crossed. A layer with no verdict is ok.
 *
 * @param kind the problem
 * @param measure the number that was judged
 * @param value its value in this layer
 * @param threshold the threshold it crossed (see {@link Thresholds})
 */
public record Verdict(Kind kind, Measure measure, double value, double threshold) {

  /** The problems, in the order they are reported. */
  public enum Kind {
    /** The signal or the gradient grew too large (or overflowed). */
    EXPLODING,
    /** The signal or the gradient shrank too far. */
    VANISHING,
    /** Too many relu units never fire. */
    DEAD,
    /** Too many tanh or sigmoid values sit in the flat tails. */
    SATURATED,
    /** Some units are copies of others and will stay so. */
    SYMMETRIC;

    /** The word in reports: {@code vanishing}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a verdict looked at, each with its direction. */
  public enum Measure {
    /** RMS of the layer's pre-activation / RMS of the net's input. */
    SIGNAL_GAIN("signal gain"),
    /**
     * Norm of the loss's gradient with respect to the layer's pre-activation / the same for the
     * last layer with parameters: the backward signal's gain.
     */
    GRADIENT_GAIN("gradient gain"),
    /** Fraction of the layer's relu units that never fire on the batch. */
    DEAD_FRACTION("dead fraction"),
    /** Fraction of the layer's tanh or sigmoid values beyond 0.95 of the range. */
    SATURATED_FRACTION("saturated fraction"),
    /** Number of the layer's units that duplicate another unit. */
    IDENTICAL_UNITS("identical units");

    private final String words;

    Measure(String words) {
      this.words = words;
    }

    /** How reports name it: {@code signal gain}. */
    public String words() {
      return words;
    }

    /** The JSON key: {@code signal_gain}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks that a kind and a measure are given. */
  public Verdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(measure, "measure");
  }

  /** {@code <} for vanishing, {@code >=} for symmetric, {@code >} for the others. */
  public String comparison() {
    return switch (kind) {
      case VANISHING -> "<";
      case SYMMETRIC -> ">=";
      case EXPLODING, DEAD, SATURATED -> ">";
    };
  }

  /** For people: {@code vanishing: signal gain 0.00312 < 0.01}. */
  public String describe() {
    return kind.word() + ": " + measure.words() + " " + Numbers.compact(value) + " "
        + comparison() + " " + Numbers.compact(threshold);
  }

  @Override
  public String toString() {
    return describe();
  }
}
