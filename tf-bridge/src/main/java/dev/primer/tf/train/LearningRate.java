package dev.primer.tf.train;

import dev.primer.dsl.base.Checks;

/**
 * A learning rate as a function of the optimizer's step {@code t = 0, 1, 2, …} (the step being
 * taken, counted from the optimizer state's start; see {@link Optimizer}): a closed family of
 * immutable values. The training graph computes the rate from its step counter in float32 each
 * step; {@link #at} gives the same rate in double, what the graph's rate at step {@code t} is
 * documented and tested to equal (to float32 rounding). Steps count exactly in float32 up to
 * 2^24 (16.7 million).
 * <pre>
 *   constant(r):                      r
 *   step(r0, f, k):                   r0 * f^floor(t / k)                  (PyTorch StepLR)
 *   exponential(r0, d, k):            r0 * d^(t / k)                       (Keras ExponentialDecay)
 *   cosine(r0, k, a):                 r0 * (a + (1 - a) * (1 + cos(pi * min(t, k) / k)) / 2)
 *                                       (Loshchilov and Hutter 2017, SGDR without restarts;
 *                                        Keras CosineDecay with alpha a)
 *   s.withWarmup(w):                  t &lt; w ? s.initial() * t / w : s.at(t - w)
 *                                       (linear warm-up from 0, Goyal et al. 2017)
 * </pre>
 * Code that maps schedules does it through a {@link Visitor}, so adding a record here breaks
 * the build wherever it is not handled yet.
 */
public sealed interface LearningRate permits LearningRate.Constant, LearningRate.StepDecay,
    LearningRate.ExponentialDecay, LearningRate.CosineDecay, LearningRate.Warmup {

  /** One method per schedule: the exhaustive mapping of this closed family. */
  interface Visitor<R> {
    /** Visits a {@link Constant}. */
    R constant(Constant constant);

    /** Visits a {@link StepDecay}. */
    R step(StepDecay step);

    /** Visits an {@link ExponentialDecay}. */
    R exponential(ExponentialDecay exponential);

    /** Visits a {@link CosineDecay}. */
    R cosine(CosineDecay cosine);

    /** Visits a {@link Warmup}. */
    R warmup(Warmup warmup);
  }

  /** Calls the visitor's method for this schedule. */
  <R> R accept(Visitor<R> visitor);

  /** The rate at optimizer step {@code step} (from 0), by the formulas above. */
  double at(long step);

  /** The rate the schedule starts from (after any warm-up): its peak. */
  double initial();

  /** A short description: {@code 0.001}, {@code cosine(0.1, 1000, floor 0.0)}, … */
  String describe();

  /**
   * This schedule after a linear warm-up of {@code steps} steps from 0 (Goyal et al. 2017):
   * the rate is {@code initial() * t / steps} at step {@code t < steps}, then this schedule
   * starts, at its own step 0. On a warm-up, replaces its length.
   *
   * @throws IllegalArgumentException {@code "learning rate: warm-up steps must be > 0, got 0"}
   */
  default Warmup withWarmup(long steps) {
    return new Warmup(this, steps);
  }

  /**
   * A constant rate.
   *
   * @throws IllegalArgumentException unless {@code rate} is positive and finite
   */
  static Constant constant(double rate) {
    return new Constant(rate);
  }

  /**
   * Step decay: {@code initial * factor^floor(t / everySteps)} (PyTorch {@code StepLR}, Keras
   * {@code ExponentialDecay} with {@code staircase=True}).
   *
   * @throws IllegalArgumentException unless {@code initial} is positive and finite, {@code 0 <
   *     factor <= 1} and {@code everySteps >= 1}
   */
  static StepDecay step(double initial, double factor, long everySteps) {
    return new StepDecay(initial, factor, everySteps);
  }

  /**
   * Exponential decay: {@code initial * decayRate^(t / decaySteps)}, continuous (Keras {@code
   * ExponentialDecay}).
   *
   * @throws IllegalArgumentException unless {@code initial} is positive and finite, {@code 0 <
   *     decayRate <= 1} and {@code decaySteps >= 1}
   */
  static ExponentialDecay exponential(double initial, double decayRate, long decaySteps) {
    return new ExponentialDecay(initial, decayRate, decaySteps);
  }

  /** Cosine decay from {@code initial} to 0 over {@code decaySteps} steps, then 0. */
  static CosineDecay cosine(double initial, long decaySteps) {
    return new CosineDecay(initial, decaySteps, 0);
  }

  /**
   * Cosine decay from {@code initial} to {@code initial * floorFraction} over {@code decaySteps}
   * steps, then constant there (Loshchilov and Hutter 2017 without restarts; Keras {@code
   * CosineDecay} with {@code alpha = floorFraction}).
   *
   * @throws IllegalArgumentException unless {@code initial} is positive and finite, {@code
   *     decaySteps >= 1} and {@code 0 <= floorFraction <= 1}
   */
  static CosineDecay cosine(double initial, long decaySteps, double floorFraction) {
    return new CosineDecay(initial, decaySteps, floorFraction);
  }

  /** A constant rate. */
  record Constant(double rate) implements LearningRate {
    /** Checks the rate: &gt; 0 and finite. */
    public Constant {
      Checks.positive("learning rate", "rate", rate);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.constant(this);
    }

    @Override
    public double at(long step) {
      checkStep(step);
      return rate;
    }

    @Override
    public double initial() {
      return rate;
    }

    @Override
    public String describe() {
      return String.valueOf(rate);
    }
  }

  /** {@code initial * factor^floor(t / everySteps)}; see {@link LearningRate#step}. */
  record StepDecay(double initial, double factor, long everySteps) implements LearningRate {
    /** Checks the arguments: rate &gt; 0, factor in (0, 1], steps &gt; 0. */
    public StepDecay {
      Checks.positive("step learning rate", "initial rate", initial);
      checkDecay("step learning rate", "factor", factor);
      checkSteps("step learning rate", "everySteps", everySteps);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.step(this);
    }

    @Override
    public double at(long step) {
      checkStep(step);
      return initial * Math.pow(factor, Math.floorDiv(step, everySteps));
    }

    @Override
    public String describe() {
      return "step(" + initial + ", factor " + factor + ", every " + everySteps + ")";
    }
  }

  /** {@code initial * decayRate^(t / decaySteps)}; see {@link LearningRate#exponential}. */
  record ExponentialDecay(double initial, double decayRate, long decaySteps)
      implements LearningRate {
    /** Checks the arguments: rate &gt; 0, decay rate in (0, 1], steps &gt; 0. */
    public ExponentialDecay {
      Checks.positive("exponential learning rate", "initial rate", initial);
      checkDecay("exponential learning rate", "decay rate", decayRate);
      checkSteps("exponential learning rate", "decaySteps", decaySteps);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.exponential(this);
    }

    @Override
    public double at(long step) {
      checkStep(step);
      return initial * Math.pow(decayRate, (double) step / decaySteps);
    }

    @Override
    public String describe() {
      return "exponential(" + initial + ", rate " + decayRate + " per " + decaySteps + ")";
    }
  }

  /**
   * {@code initial * (a + (1 - a) * (1 + cos(pi * min(t, decaySteps) / decaySteps)) / 2)} with
   * {@code a = floorFraction}; see {@link LearningRate#cosine(double, long, double)}.
   */
  record CosineDecay(double initial, long decaySteps, double floorFraction)
      implements LearningRate {
    /** Checks the arguments: rate &gt; 0, steps &gt; 0, floor fraction in [0, 1]. */
    public CosineDecay {
      Checks.positive("cosine learning rate", "initial rate", initial);
      checkSteps("cosine learning rate", "decaySteps", decaySteps);
      if (!(floorFraction >= 0 && floorFraction <= 1)) {
        throw new IllegalArgumentException(
            "cosine learning rate: floorFraction must be in [0, 1], got " + floorFraction);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.cosine(this);
    }

    @Override
    public double at(long step) {
      checkStep(step);
      double cosine = (1 + Math.cos(Math.PI * Math.min(step, decaySteps) / decaySteps)) / 2;
      return initial * (floorFraction + (1 - floorFraction) * cosine);
    }

    @Override
    public String describe() {
      return "cosine(" + initial + ", " + decaySteps + " steps"
          + (floorFraction > 0 ? ", floor " + floorFraction : "") + ")";
    }
  }

  /**
   * {@code t < steps ? then.initial() * t / steps : then.at(t - steps)}: a linear warm-up from 0
   * (Goyal et al. 2017, "Accurate, Large Minibatch SGD"), then {@code then} from its step 0.
   *
   * @param then the schedule after the warm-up; not itself a warm-up
   * @param steps the warm-up's length, at least 1
   */
  record Warmup(LearningRate then, long steps) implements LearningRate {
    /** Checks the arguments: a schedule that is no warm-up itself, steps &gt; 0. */
    public Warmup {
      if (then == null) {
        throw new IllegalArgumentException("learning rate: warm-up needs a schedule to warm up");
      }
      if (then instanceof Warmup) {
        throw new IllegalArgumentException("learning rate: a warm-up cannot follow a warm-up;"
            + " withWarmup on a warm-up replaces its length");
      }
      checkSteps("learning rate", "warm-up steps", steps);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.warmup(this);
    }

    @Override
    public double at(long step) {
      checkStep(step);
      return step < steps ? then.initial() * step / steps : then.at(step - steps);
    }

    @Override
    public double initial() {
      return then.initial();
    }

    @Override
    public Warmup withWarmup(long steps) {
      return new Warmup(then, steps);
    }

    @Override
    public String describe() {
      return then.describe() + " after " + steps + " warm-up steps";
    }
  }

  private static void checkDecay(String owner, String what, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be in (0, 1], got " + value);
    }
  }

  private static void checkSteps(String owner, String what, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(owner + ": " + what + " must be > 0, got " + value);
    }
  }

  private static void checkStep(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("learning rate: step must be >= 0, got " + step);
    }
  }
}
