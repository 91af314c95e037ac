package dev.primer.tf.diagnose;

import dev.primer.tf.Model;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CallGate;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.LayerTrace;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.internal.train.StepGraph;
import dev.primer.tf.train.Loss;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One forward and one backward pass of a model on a probe, in one session run, with every value
 * a diagnosis needs copied out: each layer's pre-activation and output, the loss, its gradient
 * with respect to every trainable parameter, to the pre-activation of every layer with
 * parameters and to the input.
 *
 * <p>The ops are added to the model's graph under {@code diagnose}: the forward half of a
 * training step ({@code StepGraph.pass}, as fit builds it) over the model's variables and input
 * placeholder (batch norm uses the batch's statistics, dropout the mask of step 0) with the loss
 * on a targets placeholder, then one Gradients op. Nothing is
 * assigned: batch norm's moving-average updates are built but never run.
 */
final class OnePass {
  private final Forward forward;
  private final Map<Output<?>, float[]> values;
  private final Map<Output<?>, float[]> backward;
  private final Map<String, float[]> gradients;
  private final float[] inputGradient;
  private final float loss;

  private OnePass(Forward forward, Map<Output<?>, float[]> values,
      Map<Output<?>, float[]> backward, Map<String, float[]> gradients, float[] inputGradient,
      float loss) {
    this.forward = forward;
    this.values = values;
    this.backward = backward;
    this.gradients = gradients;
    this.inputGradient = inputGradient;
    this.loss = loss;
  }

  static OnePass run(Model model, Probe probe, Loss lossKind) {
    try (CallGate.Call call = ModelGraphs.gate(model).enter()) { // close waits for it
      CompiledGraph compiled = ModelGraphs.of(model);
      return compiled.build(() -> run(compiled, probe, lossKind)); // adds ops: one builder at once
    } finally {
      java.lang.ref.Reference.reachabilityFence(model); // keeps the graph from the cleaner
    }
  }

  private static OnePass run(CompiledGraph compiled, Probe probe, Loss lossKind) {
    Ops tf = compiled.tf().withSubScope("diagnose");
    Placeholder<TFloat32> targets = tf.withName("targets").placeholder(TFloat32.class,
        Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, compiled.outputSize())));
    StepGraph.Pass pass = StepGraph.pass(tf, compiled.net(), compiled.variables(),
        compiled.input(), targets, tf.constant(0L), compiled.seed(), lossKind);
    Forward forward = pass.forward();
    Operand<TFloat32> loss = pass.loss();

    // every parameter gradients would reach, frozen layers' too: diagnosis looks, it trains nothing
    List<String> trainable = compiled.net().parameters().stream()
        .filter(dev.primer.dsl.resolve.Parameter::trainable)
        .map(dev.primer.dsl.resolve.Parameter::name).toList();
    List<Operand<?>> wrt = new ArrayList<>();
    trainable.forEach(name -> wrt.add(compiled.variables().get(name)));
    List<Output<?>> backwardOf = new ArrayList<>();
    for (LayerTrace trace : forward.traces()) {
      Output<?> pre = trace.preActivation().asOutput();
      if (!trace.layer().parameters().isEmpty() && !backwardOf.contains(pre)) {
        backwardOf.add(pre);
        wrt.add(trace.preActivation());
      }
    }
    wrt.add(compiled.input());

    Fetches fetches = new Fetches();
    fetches.add(loss);
    forward.traces().forEach(t -> {
      fetches.add(t.preActivation());
      fetches.add(t.output());
    });
    Gradients dy = tf.gradients(loss, wrt);
    for (int i = 0; i < wrt.size(); i++) {
      fetches.add(dy.dy(i));
    }
    Map<Output<?>, float[]> fetched = fetches.run(compiled.session(), compiled.input(), targets,
        probe);

    Map<String, float[]> gradients = new HashMap<>();
    Map<Output<?>, float[]> backward = new HashMap<>();
    int inputIndex = wrt.size() - 1;
    for (int i = 0; i < inputIndex; i++) {
      float[] g = fetched.get(dy.dy(i).asOutput());
      if (i < trainable.size()) {
        gradients.put(trainable.get(i), g);
      } else {
        backward.put(backwardOf.get(i - trainable.size()), g);
      }
    }
    return new OnePass(forward, fetched, backward, gradients,
        fetched.get(dy.dy(inputIndex).asOutput()), fetched.get(loss.asOutput())[0]);
  }

  /** The layers' traces, in order. */
  List<LayerTrace> traces() {
    return forward.traces();
  }

  /** The batch's mean loss. */
  float loss() {
    return loss;
  }

  float[] preActivation(LayerTrace trace) {
    return values.get(trace.preActivation().asOutput());
  }

  float[] output(LayerTrace trace) {
    return values.get(trace.output().asOutput());
  }

  /** dLoss / d(pre-activation) over the batch, for a layer with parameters. */
  Optional<float[]> backward(LayerTrace trace) {
    return Optional.ofNullable(backward.get(trace.preActivation().asOutput()));
  }

  /** dLoss / d(input) over the batch, in the probe's layout: [count, example shape]. */
  float[] inputGradient() {
    return inputGradient;
  }

  /** dLoss / d(parameter), for a trainable parameter. */
  Optional<float[]> gradient(String parameter) {
    return Optional.ofNullable(gradients.get(parameter));
  }

  /**
   * The outputs one run fetches, each once: a layer without activation has the same operand
   * before and after it, and at rate 0 dropout's output is its input, so the same output can be
   * asked for twice (and TensorFlow refuses to fetch an output twice in one run).
   */
  private static final class Fetches {
    private final LinkedHashMap<Output<?>, Boolean> outputs = new LinkedHashMap<>();

    void add(Operand<?> operand) {
      outputs.putIfAbsent(operand.asOutput(), true);
    }

    /** Runs once, feeding the probe, and copies every fetched tensor out as floats. */
    Map<Output<?>, float[]> run(Session session, Placeholder<TFloat32> input,
        Placeholder<TFloat32> targets, Probe probe) {
      List<Output<?>> order = new ArrayList<>(outputs.keySet());
      try (TFloat32 x = TFloat32.tensorOf(BatchShapes.of(probe.count(), probe.exampleShape()),
               DataBuffers.of(probe.examplesNoCopy(), true, false));
           TFloat32 y = TFloat32.tensorOf(
               org.tensorflow.ndarray.Shape.of(probe.count(), probe.targetWidth()),
               DataBuffers.of(probe.targetsNoCopy(), true, false))) {
        Session.Runner runner = SessionCalls.runner(session).feed(input, x).feed(targets, y);
        order.forEach(runner::fetch);
        Map<Output<?>, float[]> out = new HashMap<>();
        try (Result r = runner.run()) {
          for (int i = 0; i < order.size(); i++) {
            TFloat32 t = (TFloat32) r.get(i);
            float[] copy = new float[Math.toIntExact(t.shape().size())];
            t.copyTo(DataBuffers.of(copy, false, false));
            out.put(order.get(i), copy);
          }
        }
        return out;
      }
    }
  }
}
