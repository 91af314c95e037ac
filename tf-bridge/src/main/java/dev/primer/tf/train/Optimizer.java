package dev.primer.tf.train;

import dev.primer.dsl.base.Checks;

/**
 * How gradients update the weights: a closed family of immutable values. Each is emitted as
 * TensorFlow's fused apply op per variable, ordered so that training is bitwise reproducible on
 * CPU. Code that maps optimizers does it through a {@link Visitor}, so adding a record here
 * breaks the build wherever it is not handled yet.
 *
 * <p>The learning rate is a {@link LearningRate} schedule, computed in the graph from the
 * optimizer's step counter; the {@code double} factories take a constant rate.
 *
 * <p><b>State across fits.</b> An optimizer's state is its slots (momentum accumulator, Adam's
 * moments, RMSprop's mean square and momentum) and its step counter, which drives the schedule
 * and Adam's bias correction. A model holds one state per <em>kind</em> — plain SGD, momentum,
 * Nesterov, Adam, RMSprop — shared by every loss and option, and one training graph per kind,
 * loss, clipping on/off and class weights on/off; the rates, schedule parameters, momentum,
 * betas, epsilon, clipping norm and class weights are values held in variables and set at the
 * start of each fit, so repeated fits never grow the graph. A fit whose optimizer is {@link
 * Object#equals equal} to the previous fit's (same kind and values, same schedule) continues
 * the state: three fits of one epoch train as one fit of three. Any other optimizer — another
 * kind, or the same kind with other values — starts its kind's state afresh: slots zero, step
 * counter 0 (the schedule from its step 0, Adam's bias correction from step 1). After a fit
 * that set the parameters back — one that diverged (its last epoch undone) or stopped early
 * with the best epoch's parameters restored — the next fit starts the state afresh too, since
 * the slots and counters no longer belong to those parameters; so does a state that holds a
 * value that is not finite.
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.Adam, Optimizer.RmsProp {

  /** One method per optimizer: the exhaustive mapping of this closed family. */
  interface Visitor<R> {
    /** Visits an {@link Sgd} (plain, momentum or Nesterov). */
    R sgd(Sgd sgd);

    /** Visits an {@link Adam}. */
    R adam(Adam adam);

    /** Visits an {@link RmsProp}. */
    R rmsProp(RmsProp rmsProp);
  }

  /** Calls the visitor's method for this optimizer. */
  <R> R accept(Visitor<R> visitor);

  /** The learning-rate schedule. */
  LearningRate schedule();

  /** The learning rate the schedule starts from (its peak): {@code schedule().initial()}. */
  default double learningRate() {
    return schedule().initial();
  }

  /** A short description: {@code sgd(lr=0.1, momentum=0.9, nesterov)}. */
  String describe();

  /** Plain SGD with a constant learning rate. */
  static Sgd sgd(double learningRate) {
    return new Sgd(learningRate, 0, false);
  }

  /** Plain SGD with a learning-rate schedule. */
  static Sgd sgd(LearningRate schedule) {
    return new Sgd(schedule, 0, false);
  }

  /** SGD with heavy-ball momentum and a constant learning rate. */
  static Sgd momentum(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum, false);
  }

  /** SGD with heavy-ball momentum and a learning-rate schedule. */
  static Sgd momentum(LearningRate schedule, double momentum) {
    return new Sgd(schedule, momentum, false);
  }

  /** SGD with Nesterov momentum and a constant learning rate. */
  static Sgd nesterov(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum, true);
  }

  /** SGD with Nesterov momentum and a learning-rate schedule. */
  static Sgd nesterov(LearningRate schedule, double momentum) {
    return new Sgd(schedule, momentum, true);
  }

  /** Adam with beta1 0.9, beta2 0.999, epsilon 1e-7 (Keras's defaults), constant rate. */
  static Adam adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-7);
  }

  /** Adam with beta1 0.9, beta2 0.999, epsilon 1e-7 (Keras's defaults) and a schedule. */
  static Adam adam(LearningRate schedule) {
    return new Adam(schedule, 0.9, 0.999, 1e-7);
  }

  /** RMSprop with rho 0.9, no momentum, epsilon 1e-7 (Keras's defaults), constant rate. */
  static RmsProp rmsProp(double learningRate) {
    return new RmsProp(learningRate, 0.9, 0, 1e-7);
  }

  /** RMSprop with rho 0.9, no momentum, epsilon 1e-7 (Keras's defaults) and a schedule. */
  static RmsProp rmsProp(LearningRate schedule) {
    return new RmsProp(schedule, 0.9, 0, 1e-7);
  }

  /**
   * Stochastic gradient descent, optionally with momentum (TensorFlow's formulation):
   * <pre>
   *   plain:     w -= lr * g
   *   momentum:  a = momentum * a + g;  w -= lr * a
   *   nesterov:  a = momentum * a + g;  w -= lr * (g + momentum * a)
   * </pre>
   */
  record Sgd(LearningRate schedule, double momentum, boolean nesterov) implements Optimizer {
    /** Checks the arguments: a schedule, momentum in [0, 1), Nesterov only with momentum. */
    public Sgd {
      required("sgd", schedule);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("sgd: momentum must be in [0, 1), got " + momentum);
      }
      if (nesterov && momentum == 0) {
        throw new IllegalArgumentException("sgd: nesterov needs a momentum > 0");
      }
    }

    /** With a constant learning rate. */
    public Sgd(double learningRate, double momentum, boolean nesterov) {
      this(constantRate("sgd", learningRate), momentum, nesterov);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sgd(this);
    }

    @Override
    public String describe() {
      return "sgd(lr=" + schedule.describe() + (momentum > 0 ? ", momentum=" + momentum : "")
          + (nesterov ? ", nesterov" : "") + ")";
    }
  }

  /**
   * Adam (Kingma and Ba 2015), bias-corrected:
   * <pre>
   *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
   *   w -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)
   * </pre>
   */
  record Adam(LearningRate schedule, double beta1, double beta2, double epsilon)
      implements Optimizer {
    /** Checks the arguments: learning rate and epsilon &gt; 0, beta1 and beta2 in [0, 1). */
    public Adam {
      required("adam", schedule);
      Checks.unitInterval("adam", "beta1", beta1);
      Checks.unitInterval("adam", "beta2", beta2);
      Checks.positive("adam", "epsilon", epsilon);
    }

    /** With a constant learning rate. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
      this(constantRate("adam", learningRate), beta1, beta2, epsilon);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.adam(this);
    }

    @Override
    public String describe() {
      return "adam(lr=" + schedule.describe() + ")";
    }
  }

  /**
   * RMSprop (Tieleman and Hinton 2012), as TensorFlow's fused op:
   * <pre>
   *   ms = rho ms + (1 - rho) g^2;  mom = momentum mom + lr g / sqrt(ms + eps);  w -= mom
   * </pre>
   * The mean square starts at 0 (Keras).
   */
  record RmsProp(LearningRate schedule, double rho, double momentum, double epsilon)
      implements Optimizer {
    /** Checks the arguments: learning rate &gt; 0, rho in [0, 1), momentum in [0, 1). */
    public RmsProp {
      required("rmsprop", schedule);
      Checks.unitInterval("rmsprop", "rho", rho);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("rmsprop: momentum must be in [0, 1), got " + momentum);
      }
      Checks.positive("rmsprop", "epsilon", epsilon);
    }

    /** With a constant learning rate. */
    public RmsProp(double learningRate, double rho, double momentum, double epsilon) {
      this(constantRate("rmsprop", learningRate), rho, momentum, epsilon);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rmsProp(this);
    }

    @Override
    public String describe() {
      return "rmsprop(lr=" + schedule.describe() + ")";
    }
  }

  /** A constant rate, checked under the optimizer's name: {@code "sgd: learning rate …"}. */
  private static LearningRate constantRate(String owner, double learningRate) {
    Checks.positive(owner, "learning rate", learningRate);
    return LearningRate.constant(learningRate);
  }

  private static void required(String owner, LearningRate schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException(owner + ": a learning rate is required");
    }
  }
}
