package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.activation.Gain;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.SecondMoments;
import dev.primer.dsl.layer.AvgPool2d;
import dev.primer.dsl.layer.BatchNorm;
import dev.primer.dsl.layer.Conv2d;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.Dropout;
import dev.primer.dsl.layer.Flatten;
import dev.primer.dsl.layer.Gru;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.Lstm;
import dev.primer.dsl.layer.MaxPool2d;
import dev.primer.dsl.layer.Recurrent;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Reshape;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.layer.SimpleRnn;
import java.util.Optional;

/**
 * AUTO's analytic model of the signal through the net at initialization, in the spirit of
 * AutoInit (Bingham and Miikkulainen 2023): layer by layer, the second moment m and mean mu of
 * the values leaving each layer, for input values of second moment 1 and mean 0 (standardised
 * data). What each AUTO kernel is scaled by ({@code Target.inputMoment}, see
 * {@link dev.primer.dsl.init.Auto}); it follows named inits too, by their mean square
 * ({@link SecondMoments}).
 * <pre>
 *   dense, conv2d    q = fan_in E[w^2] m + E[b^2]             (zero-mean weights: the mean of
 *                                                             the input counts in m)
 *   batchNorm        q = 1                                    (normalised; gamma 1, beta 0)
 *   dropout(p)       m / (1 - p), mu unchanged                (inverted dropout while training)
 *   avgPool2d(k)     mu^2 + (m - mu^2) / k^2                  (window values taken independent)
 *   maxPool2d(k)     E[phi(max of k^2 z)^2]                   (see Gain.momentOfMax; when the
 *                                                             input is phi(z) of a Gaussian z)
 *   flatten, reshape unchanged
 *   recurrent        m = 1                                    (not modelled: the pass restarts)
 *   residual sum     q = s + alpha^2 m                        (s: the skip path's second moment,
 *                                                             fan_in E[P^2] m_x through a
 *                                                             projection P, else m_x; m: the
 *                                                             branch's output; alpha^2: E of
 *                                                             the scale squared, 1 unscaled)
 *   then the layer's activation phi, if any, on z ~ N(0, q):  m = E[phi(z)^2], mu = E[phi(z)]
 *   (softmax: 1 / units^2, a uniform output); a layer without one passes q on (q := m for
 *   layers without a kernel).
 * </pre>
 * Not modelled: border zeros of same padding (they shrink an edge pixel's sum), correlation
 * between neighbouring pixels (pooling), the cross term of a residual sum: E[(x + f(x))^2] = E[x^2] + E[f(x)^2] + 2 E[x f(x)],
 * and E[x f(x)] is 0 over the weights when the branch ends in a layer of zero-mean weights
 * (f(x) = W h, E[W] = 0), so second moments add for such branches; a branch that ends in an
 * activation or a nonzero-mean init breaks it. The mean after a sum is the skip path's (0
 * through a projection) plus the branch's when it is not scaled (0 when it is). Measured against
 * the real net by {@code Diagnosis} in tf-bridge's {@code AutoSignalPropagationTest}.
 */
final class SignalPropagation {
  private SignalPropagation() {
    throw new AssertionError("no instances");
  }

  /**
   * The signal between two layers.
   *
   * @param moment its second moment m, E[x^2]
   * @param mean its mean mu
   * @param source when the values are exactly phi(z) for z ~ N(0, q): phi and q (for max pooling)
   */
  record Signal(double moment, double mean, Optional<Source> source) {
    /** Standardised input: second moment 1, mean 0. */
    static final Signal INPUT = new Signal(1, 0, Optional.empty());

    /**
     * The second moment AUTO scales the next kernel by: m where it is positive and finite, else
     * 1 (a dead or exploded signal cannot be compensated; the diagnosis says so).
     */
    double usableMoment() {
      return modelled(moment) && moment > 1e-12 ? moment : 1;
    }
  }

  /**
   * Whether a second moment is in the range the model follows: [0, 1e30]. Beyond, the signal
   * has exploded (or a named init is absurd) and the pass carries the number on unmodelled.
   */
  static boolean modelled(double moment) {
    return moment >= 0 && moment <= 1e30;
  }

  /** Values phi(z), z ~ N(0, q). */
  record Source(Activation phi, double q) {}

  /**
   * The signal leaving {@code layer} when {@code in} enters it; for a residual sum, {@code in}
   * is the branch's output and {@code skip} the signal entering the branch (the skip path's).
   */
  static Signal after(ResolvedLayer layer, Signal in, Signal skip) {
    Layer kind = layer.spec().layer();
    Signal before = kind.accept(new Layer.Visitor<Signal>() {
      @Override public Signal dense(Dense d) {
        return weighted(layer, in);
      }

      @Override public Signal conv2d(Conv2d c) {
        return weighted(layer, in);
      }

      @Override public Signal maxPool2d(MaxPool2d p) {
        int k = p.pool() * p.pool();
        return in.source().filter(s -> modelled(s.q()))
            .map(s -> new Signal(Gain.momentOfMax(s.phi(), s.q(), k, 2),
                Gain.momentOfMax(s.phi(), s.q(), k, 1), Optional.<Source>empty()))
            .orElse(new Signal(in.moment(), in.mean(), Optional.empty()));
      }

      @Override public Signal avgPool2d(AvgPool2d p) {
        int k = p.pool() * p.pool();
        double meanSquare = in.mean() * in.mean();
        return new Signal(meanSquare + (in.moment() - meanSquare) / k, in.mean(),
            Optional.empty());
      }

      @Override public Signal flatten(Flatten f) {
        return in;
      }

      @Override public Signal reshape(Reshape r) {
        return in;
      }

      @Override public Signal dropout(Dropout d) {
        return new Signal(in.moment() / (1 - d.rate()), in.mean(), Optional.empty());
      }

      @Override public Signal batchNorm(BatchNorm b) {
        return gaussian(1);
      }

      @Override public Signal simpleRnn(SimpleRnn r) {
        return Signal.INPUT;
      }

      @Override public Signal lstm(Lstm l) {
        return Signal.INPUT;
      }

      @Override public Signal gru(Gru g) {
        return Signal.INPUT;
      }

      @Override public Signal residual(Residual r) {
        Optional<Parameter> projection = layer.parameter(Role.KERNEL);
        double skipMoment = projection
            .map(p -> p.fans().in() * meanSquare(p) * skip.moment()).orElse(skip.moment());
        double skipMean = projection.isPresent() ? 0 : skip.mean();
        Optional<Parameter> scale = layer.parameter(Role.BRANCH_SCALE);
        double alphaSquared = scale.map(SignalPropagation::meanSquare).orElse(1.0);
        return new Signal(skipMoment + alphaSquared * in.moment(),
            skipMean + (scale.isPresent() ? 0 : in.mean()),
            Optional.empty());
      }

      @Override public Signal repeat(Repeat r) {
        throw new IllegalStateException("a resolved net holds no repeat: it is expanded");
      }
    });
    Optional<Activation> activation = layer.spec().activation();
    if (activation.isEmpty() || kind instanceof Recurrent) {
      return before;  // a recurrent layer's activation is inside its cell
    }
    Activation phi = activation.get();
    double q = before.moment();
    if (!modelled(q)) {
      return new Signal(q, 0, Optional.empty());
    }
    if (phi.kind() == Activation.Kind.SOFTMAX) {
      double units = layer.output().last();
      return new Signal(1 / (units * units), 1 / units, Optional.empty());
    }
    return new Signal(Gain.secondMoment(phi, q), Gain.mean(phi, q),
        Optional.of(new Source(phi, q)));
  }

  /** A zero-mean Gaussian pre-activation of second moment q, before any activation. */
  private static Signal gaussian(double q) {
    return new Signal(q, 0, Optional.of(new Source(Activation.linear(), q)));
  }

  /** A dense or conv layer: q = fan_in E[w^2] m + E[b^2]. */
  private static Signal weighted(ResolvedLayer layer, Signal in) {
    Optional<Parameter> kernel = layer.parameter(Role.KERNEL);
    if (kernel.isEmpty()) {
      return in;
    }
    double q = kernel.get().fans().in() * meanSquare(kernel.get()) * in.moment()
        + layer.parameter(Role.BIAS).map(SignalPropagation::meanSquare).orElse(0.0);
    return gaussian(q);
  }

  /** E[w^2] over a parameter's blocks (all of one shape). */
  static double meanSquare(Parameter p) {
    return p.blocks().stream()
        .mapToDouble(b -> SecondMoments.of(b.sampler(), b.shape().toArray()))
        .average().orElse(0);
  }
}
