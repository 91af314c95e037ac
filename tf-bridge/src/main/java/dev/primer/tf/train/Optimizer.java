package dev.primer.tf.train;

import dev.primer.dsl.base.Checks;

/**
 * How gradients update the weights: a closed family of immutable values. Each is emitted as
 * TensorFlow's fused apply op per variable, ordered so that training is bitwise reproducible on
 * CPU. Code that maps optimizers does it through a {@link Visitor}, so adding a record here
 * breaks the build wherever it is not handled yet.
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

  /** The learning rate. */
  double learningRate();

  /** A short description: {@code sgd(lr=0.1, momentum=0.9, nesterov)}. */
  String describe();

  /** Plain SGD. */
  static Sgd sgd(double learningRate) {
    return new Sgd(learningRate, 0, false);
  }

  /** SGD with heavy-ball momentum. */
  static Sgd momentum(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum, false);
  }

  /** SGD with Nesterov momentum. */
  static Sgd nesterov(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum, true);
  }

  /** Adam with beta1 0.9, beta2 0.999, epsilon 1e-7 (Keras's defaults). */
  static Adam adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-7);
  }

  /** RMSprop with rho 0.9, no momentum, epsilon 1e-7 (Keras's defaults). */
  static RmsProp rmsProp(double learningRate) {
    return new RmsProp(learningRate, 0.9, 0, 1e-7);
  }

  /**
   * Stochastic gradient descent, optionally with momentum (TensorFlow's formulation):
   * <pre>
   *   plain:     w -= lr * g
   *   momentum:  a = momentum * a + g;  w -= lr * a
   *   nesterov:  a = momentum * a + g;  w -= lr * (g + momentum * a)
   * </pre>
   */
  record Sgd(double learningRate, double momentum, boolean nesterov) implements Optimizer {
    /**
     * Checks the arguments: learning rate &gt; 0, momentum in [0, 1), Nesterov only with momentum.
     */
    public Sgd {
      Checks.positive("sgd", "learning rate", learningRate);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("sgd: momentum must be in [0, 1), got " + momentum);
      }
      if (nesterov && momentum == 0) {
        throw new IllegalArgumentException("sgd: nesterov needs a momentum > 0");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sgd(this);
    }

    @Override
    public String describe() {
      return "sgd(lr=" + learningRate + (momentum > 0 ? ", momentum=" + momentum : "")
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
  record Adam(double learningRate, double beta1, double beta2, double epsilon)
      implements Optimizer {
    /** Checks the arguments: learning rate and epsilon &gt; 0, beta1 and beta2 in [0, 1). */
    public Adam {
      Checks.positive("adam", "learning rate", learningRate);
      Checks.unitInterval("adam", "beta1", beta1);
      Checks.unitInterval("adam", "beta2", beta2);
      Checks.positive("adam", "epsilon", epsilon);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.adam(this);
    }

    @Override
    public String describe() {
      return "adam(lr=" + learningRate + ")";
    }
  }

  /**
   * RMSprop (Tieleman and Hinton 2012), as TensorFlow's fused op:
   * <pre>
   *   ms = rho ms + (1 - rho) g^2;  mom = momentum mom + lr g / sqrt(ms + eps);  w -= mom
   * </pre>
   * The mean square starts at 0 (Keras).
   */
  record RmsProp(double learningRate, double rho, double momentum, double epsilon)
      implements Optimizer {
    /** Checks the arguments: learning rate &gt; 0, rho in [0, 1), momentum in [0, 1). */
    public RmsProp {
      Checks.positive("rmsprop", "learning rate", learningRate);
      Checks.unitInterval("rmsprop", "rho", rho);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("rmsprop: momentum must be in [0, 1), got " + momentum);
      }
      Checks.positive("rmsprop", "epsilon", epsilon);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rmsProp(this);
    }

    @Override
    public String describe() {
      return "rmsprop(lr=" + learningRate + ")";
    }
  }
}
