package dev.primer.tf.diagnose;

import dev.primer.tf.Model;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CallGate;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.ForwardBuilder;
import dev.primer.tf.internal.graph.LayerTrace;
import dev.primer.tf.internal.graph.Mode;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.graph.SessionCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The mean |value| of each parametrized layer's output before its activation, measured as
 * often as asked with one set of ops: a training-mode forward pass (dropout's mask of step 0)
 * added once under {@code coordinates} and the mean of each |x W + b| reduced in the graph, so
 * every measure runs the same fetches and TensorFlow builds one executor for all of them.
 */
final class LayerSizes {
  private final Model model;
  private final CompiledGraph compiled;
  private final Map<String, Operand<TFloat32>> means;

  private LayerSizes(Model model, CompiledGraph compiled, Map<String, Operand<TFloat32>> means) {
    this.model = model;
    this.compiled = compiled;
    this.means = means;
  }

  static LayerSizes of(Model model) {
    try (CallGate.Call call = ModelGraphs.gate(model).enter()) {
      CompiledGraph compiled = ModelGraphs.of(model);
      Map<String, Operand<TFloat32>> means = compiled.build(() -> {
        Ops tf = compiled.tf().withSubScope("coordinates");
        Forward forward = ForwardBuilder.build(tf, compiled.net(), compiled.variables(),
            compiled.input(), Mode.TRAIN, tf.constant(0L), compiled.seed());
        Map<String, Operand<TFloat32>> m = new LinkedHashMap<>();
        for (LayerTrace t : forward.traces()) {
          if (!t.layer().parameters().isEmpty()) {
            Operand<TFloat32> abs = tf.math.abs(t.preActivation());
            m.put(t.layer().name(), tf.math.mean(tf.reshape(abs, tf.constant(new int[] {-1})),
                tf.constant(0)));
          }
        }
        return m;
      });
      return new LayerSizes(model, compiled, means);
    } finally {
      java.lang.ref.Reference.reachabilityFence(model);
    }
  }

  /** Each parametrized layer's mean |x W + b| on {@code probe}, by layer name, in order. */
  Map<String, Double> measure(Probe probe) {
    try (CallGate.Call call = ModelGraphs.gate(model).enter();
         TFloat32 x = TFloat32.tensorOf(BatchShapes.of(probe.count(), probe.exampleShape()),
             DataBuffers.of(probe.examplesNoCopy(), true, false))) {
      Session.Runner runner = SessionCalls.runner(compiled.session()).feed(compiled.input(), x);
      List<String> names = new ArrayList<>(means.keySet());
      names.forEach(n -> runner.fetch(means.get(n)));
      Map<String, Double> out = new LinkedHashMap<>();
      try (Result r = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          out.put(names.get(i), (double) ((TFloat32) r.get(i)).getFloat());
        }
      }
      return out;
    } finally {
      java.lang.ref.Reference.reachabilityFence(model);
    }
  }
}
