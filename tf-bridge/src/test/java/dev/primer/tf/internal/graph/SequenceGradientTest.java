package dev.primer.tf.internal.graph;

import static dev.primer.dsl.init.Inits.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.layer.AttentionMask;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.SequenceTasks;
import dev.primer.tf.internal.train.LossOps;
import dev.primer.tf.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * TensorFlow's gradients of the sequence layers against central finite differences of the
 * per-position loss, on one net that chains every new piece: embedding, learned positions,
 * layer norm (random gain and shift), causal attention (random biases), the sinusoidal
 * encoding, a dense softmax per position. A parameter of the first layer is differentiated
 * through all the others, so a wrong gradient anywhere shows.
 */
class SequenceGradientTest {
  static final int STEPS = 4;
  static final int VOCAB = 5;
  static final int EXAMPLES = 3;

  @Test
  void gradientsOfEveryParameterMatchFiniteDifferences() {
    NetSpec spec = Net.input(STEPS).embedding(VOCAB, 6).positionalEmbedding().layerNorm()
        .multiHeadAttention(2, 3, AttentionMask.CAUSAL).bias(uniform(-0.5, 0.5))
        .sinusoidalPosition().dense(VOCAB).softmax();
    float[] ids = new float[EXAMPLES * STEPS];
    int[] labels = new int[EXAMPLES * STEPS];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = random.nextInt(VOCAB);
      labels[i] = random.nextInt(VOCAB);
    }
    float[] targets = new float[EXAMPLES * STEPS * VOCAB];
    SequenceTasks.ofPositionLabels(ids, STEPS, labels, VOCAB)
        .read(0, EXAMPLES, new float[ids.length], 0, targets, 0);
    try (Model model = Model.compile(spec, 13)) {
      SequenceOpsTest.randomize(model, "layer_norm_0/gamma", 21);
      SequenceOpsTest.randomize(model, "layer_norm_0/beta", 22);
      CompiledGraph g = ModelGraphs.of(model);
      List<Parameter> parameters = model.net().trainableParameters();
      LossGraph lossGraph = g.build(() -> {
        Ops tf = g.tf().withSubScope("gradient_test");
        Placeholder<TFloat32> y = tf.placeholder(TFloat32.class,
            Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, g.outputSize())));
        Operand<TFloat32> loss = tf.math.mean(LossOps.perExample(tf,
            Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION, LossOps.rows(tf, g.inference(),
                g.outputSize()), y), tf.constant(0));
        List<Operand<?>> wrt = new ArrayList<>();
        parameters.forEach(p -> wrt.add(g.variables().get(p.name())));
        return new LossGraph(y, loss, tf.gradients(loss, wrt));
      });
      double h = 1e-2; // central differences: error O(h^2) ~ 1e-4 of the third derivative,
                       // above float32's rounding of the loss (~1e-7 / h = 1e-5)
      int checked = 0;
      for (int p = 0; p < parameters.size(); p++) {
        Parameter parameter = parameters.get(p);
        float[] analytic = lossGraph.gradient(g.session(), g, p, ids, targets);
        ParameterValues original = model.weights().get(parameter.name());
        SplittableRandom pick = new SplittableRandom(p);
        for (int trial = 0; trial < 3; trial++) {
          int i = pick.nextInt(analytic.length);
          float[] values = original.values().clone();
          values[i] += (float) h;
          double plus = lossGraph.loss(model, g, original, values, ids, targets);
          values[i] -= (float) (2 * h);
          double minus = lossGraph.loss(model, g, original, values, ids, targets);
          model.setWeights(List.of(original));
          double numeric = (plus - minus) / (2 * h);
          assertThat((double) analytic[i]).as("%s[%d]", parameter.name(), i)
              .isCloseTo(numeric, within(2e-3 * Math.max(1, Math.abs(numeric))));
          checked++;
        }
      }
      // every parameter of every new layer kind was differentiated
      assertThat(parameters).extracting(Parameter::name).contains(
          "embedding_0/embeddings", "positional_embedding_0/position_embeddings",
          "layer_norm_0/gamma", "layer_norm_0/beta", "multi_head_attention_0/query_kernel",
          "multi_head_attention_0/key_bias", "multi_head_attention_0/output_kernel",
          "dense_0/kernel");
      assertThat(checked).isEqualTo(3 * parameters.size());
    }
  }

  /** The mean per-position loss on a batch, and its gradients by each trainable parameter. */
  record LossGraph(Placeholder<TFloat32> targets, Operand<TFloat32> loss, Gradients dy) {

    float[] gradient(Session session, CompiledGraph g, int p, float[] ids, float[] y) {
      return run(session, g, ids, y, dy.dy(p));
    }

    double loss(Model model, CompiledGraph g, ParameterValues original, float[] values,
        float[] ids, float[] y) {
      model.setWeights(List.of(new ParameterValues(original.name(), original.shape(), values)));
      return run(g.session(), g, ids, y, loss)[0];
    }

    private float[] run(Session session, CompiledGraph g, float[] ids, float[] y,
        Operand<TFloat32> fetch) {
      try (TFloat32 x = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(EXAMPLES, STEPS),
              DataBuffers.of(ids, true, false));
          TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(EXAMPLES,
              g.outputSize()), DataBuffers.of(y, true, false));
          Result result = session.runner().feed(g.input(), x).feed(targets, t).fetch(fetch)
              .run()) {
        TFloat32 out = (TFloat32) result.get(0);
        float[] copy = new float[(int) out.size()];
        out.copyTo(DataBuffers.of(copy, false, false));
        return copy;
      }
    }
  }
}
