package dev.primer.tf.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.resolve.ResolvedNet;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The two forward passes over shared variables: dropout active only in {@link Mode#TRAIN}, batch
 * norm on batch statistics in training (with moving-average updates) and on its moving
 * statistics at inference.
 */
class ForwardBuilderTest {

  /** A graph with both passes of a net, fed [batch, width] inputs and a step. */
  static final class Passes implements AutoCloseable {
    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    final Placeholder<TFloat32> input;
    final Placeholder<TInt64> step;
    final Forward train;
    final Forward infer;
    final NetVariables variables;
    final Session session;

    Passes(ResolvedNet net, long seed) {
      int width = (int) net.input().size();
      input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
      step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      variables = NetVariables.create(tf, net, seed);
      train = ForwardBuilder.build(tf, net, variables, input, Mode.TRAIN, step, seed);
      infer = ForwardBuilder.build(tf, net, variables, input, Mode.INFER, step, seed);
      session = new Session(graph);
    }

    float[] run(Forward pass, float[] x, int batch, long stepValue) {
      try (TFloat32 xt = TFloat32.tensorOf(Shape.of(batch, x.length / batch),
               DataBuffers.of(x, true, false));
           TInt64 st = TInt64.scalarOf(stepValue);
           Result r = session.runner().feed(input, xt).feed(step, st).fetch(pass.output()).run()) {
        float[] y = new float[x.length];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(y, false, false));
        return y;
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  @Test
  void dropoutZeroesAFractionRateWhileTrainingScalesTheRestAndDoesNothingAtInference() {
    int width = 10_000;
    int batch = 4;
    double rate = 0.3;
    float[] ones = new float[batch * width];
    java.util.Arrays.fill(ones, 1f);
    try (Passes passes = new Passes(Net.input(width).dropout(rate).resolve(), 5)) {
      float[] step0 = passes.run(passes.train, ones, batch, 0);
      float[] step0again = passes.run(passes.train, ones, batch, 0);
      float[] step1 = passes.run(passes.train, ones, batch, 1);
      float[] inferred = passes.run(passes.infer, ones, batch, 0);

      int n = ones.length;
      int dropped = 0;
      int agree = 0;
      int firstRowsAgree = 0;
      float kept = 1f / (float) (1 - rate);
      for (int i = 0; i < n; i++) {
        assertThat(step0[i]).as("value %d: dropped or scaled by 1/(1-rate)", i)
            .isIn(0f, kept);
        dropped += step0[i] == 0f ? 1 : 0;
        agree += (step0[i] == 0f) == (step1[i] == 0f) ? 1 : 0;
        if (i < width) {
          firstRowsAgree += (step0[i] == 0f) == (step0[i + width] == 0f) ? 1 : 0;
        }
      }
      // binomial: n draws of P(drop) = rate, standard error sqrt(rate (1 - rate) / n)
      assertThat((double) dropped / n).as("fraction dropped")
          .isCloseTo(rate, within(5 * Math.sqrt(rate * (1 - rate) / n)));
      // the same step draws the same mask; another step draws an independent one, which agrees
      // with the first at a fraction rate^2 + (1 - rate)^2 = 0.58 of the positions
      assertThat(step0again).isEqualTo(step0);
      double same = rate * rate + (1 - rate) * (1 - rate);
      assertThat((double) agree / n).as("agreement of the masks of steps 0 and 1")
          .isCloseTo(same, within(5 * Math.sqrt(same * (1 - same) / n)));
      // each example of a batch gets its own mask
      assertThat((double) firstRowsAgree / width).as("agreement of examples 0 and 1")
          .isCloseTo(same, within(5 * Math.sqrt(same * (1 - same) / width)));
      // inference: the identity
      assertThat(inferred).isEqualTo(ones);
    }
  }

  @Test
  void batchNormUsesTheBatchWhileTrainingAndTheMovingStatisticsAtInference() {
    int channels = 3;
    int batch = 50;
    float[] x = new float[batch * channels];
    java.util.SplittableRandom random = new java.util.SplittableRandom(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (3 + (i % channels) + 2 * random.nextGaussian());
    }
    double momentum = 0.9;
    double epsilon = 1e-3;
    try (Passes passes = new Passes(Net.input(channels).batchNorm(momentum, epsilon).resolve(),
        5)) {
      assertThat(passes.train.updates()).hasSize(2);
      assertThat(passes.infer.updates()).isEmpty();

      float[] trained = passes.run(passes.train, x, batch, 0);
      float[] inferred = passes.run(passes.infer, x, batch, 0);
      double[] mean = new double[channels];
      double[] variance = new double[channels];
      for (int c = 0; c < channels; c++) {
        for (int i = 0; i < batch; i++) {
          mean[c] += x[i * channels + c] / (double) batch;
        }
        for (int i = 0; i < batch; i++) {
          double d = x[i * channels + c] - mean[c];
          variance[c] += d * d / batch;
        }
      }
      for (int i = 0; i < batch; i++) {
        for (int c = 0; c < channels; c++) {
          int k = i * channels + c;
          // training: the batch's own mean and (biased) variance; gamma 1, beta 0
          assertThat((double) trained[k]).as("train [%d][%d]", i, c).isCloseTo(
              (x[k] - mean[c]) / Math.sqrt(variance[c] + epsilon), within(1e-4));
          // inference: moving mean 0 and variance 1 as initialised
          assertThat((double) inferred[k]).as("infer [%d][%d]", i, c).isCloseTo(
              x[k] / Math.sqrt(1 + epsilon), within(1e-5 * Math.abs(x[k]) + 1e-6));
        }
      }

      // running the updates once moves the moving statistics a fraction (1 - momentum)
      try (TFloat32 xt = TFloat32.tensorOf(Shape.of(batch, channels),
          DataBuffers.of(x, true, false)); TInt64 st = TInt64.scalarOf(0)) {
        Session.Runner runner = passes.session.runner().feed(passes.input, xt)
            .feed(passes.step, st);
        passes.train.updates().forEach(runner::addTarget);
        runner.run().close();
      }
      try (Result r = passes.session.runner()
          .fetch(passes.variables.get("batch_norm_0/moving_mean"))
          .fetch(passes.variables.get("batch_norm_0/moving_variance")).run()) {
        float[] movingMean = new float[channels];
        float[] movingVariance = new float[channels];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(movingMean, false, false));
        ((TFloat32) r.get(1)).copyTo(DataBuffers.of(movingVariance, false, false));
        for (int c = 0; c < channels; c++) {
          assertThat((double) movingMean[c]).isCloseTo((1 - momentum) * mean[c], within(1e-5));
          assertThat((double) movingVariance[c])
              .isCloseTo(momentum + (1 - momentum) * variance[c], within(1e-4));
        }
      }
    }
  }
}
