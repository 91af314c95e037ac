package dev.primer.tf.bench;

import dev.primer.tf.Model;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CallGate;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.internal.train.StepGraph;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The input paths {@link Model#fit} is measured against, for the benchmark only: the training
 * step fit runs (built by the same builder, with a step counter of its own), fed through
 * placeholders, either with a batch copied from Java arrays into new tensors each step (what a
 * feeding pipeline costs) or with batches made into tensors once (the step's cost with no input
 * work at all). Built on the model's own graph.
 */
public final class FedBatchTrainer {
  /** Held so that the model, and with it the graph, stays reachable while this trainer is. */
  private final Model model;
  private final CompiledGraph compiled;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final StepGraph step;
  private final dev.primer.dsl.base.Shape example;
  private final int exampleSize;
  private final int targetWidth;

  /** Adds a fed training step for {@code model} with {@code optimizer} and {@code lossKind}. */
  public FedBatchTrainer(Model model, Optimizer optimizer, Loss lossKind) {
    this.model = model;
    this.compiled = ModelGraphs.of(model);
    example = compiled.net().input();
    exampleSize = Math.toIntExact(example.size());
    targetWidth = compiled.outputSize();
    synchronized (compiled.graph()) { // the build lock of CompiledGraph.build
      Ops tf = compiled.tf().withSubScope("fed");
      x = tf.placeholder(TFloat32.class,
          Placeholder.shape(BatchShapes.of(BatchShapes.ANY, example)));
      y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, targetWidth)));
      Variable<TInt64> counter = tf.withName("step").variable(tf.constant(0L));
      step = StepGraph.build(tf, compiled.net(), compiled.variables(), x, y, counter,
          compiled.seed(), optimizer, lossKind);
    }
  }

  /**
   * One step on the examples {@code batch} (indices into row-major {@code features} and
   * {@code targets}), gathered in Java and fed as new tensors, as a feeding input pipeline would.
   *
   * @return the step's loss
   */
  public float step(float[] features, float[] targets, int[] batch) {
    try (Batch tensors = batch(features, targets, batch)) {
      return step(tensors);
    }
  }

  /** One step on tensors made once by {@link #batch}: the cost of the step without input. */
  public float step(Batch batch) {
    try (CallGate.Call call = ModelGraphs.gate(model).enter(); // close waits for it
         Result r = SessionCalls.runner(compiled.session()).feed(x, batch.features)
             .feed(y, batch.targets).fetch(step.loss()).addTarget(step.train()).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    } finally {
      java.lang.ref.Reference.reachabilityFence(model);
    }
  }

  /** The examples {@code batch} gathered from row-major arrays into new tensors. */
  public Batch batch(float[] features, float[] targets, int[] batch) {
    int count = batch.length;
    float[] xb = new float[count * exampleSize];
    float[] yb = new float[count * targetWidth];
    for (int i = 0; i < count; i++) {
      System.arraycopy(features, batch[i] * exampleSize, xb, i * exampleSize, exampleSize);
      System.arraycopy(targets, batch[i] * targetWidth, yb, i * targetWidth, targetWidth);
    }
    TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, example),
        DataBuffers.of(xb, true, false));
    try {
      return new Batch(xt, TFloat32.tensorOf(Shape.of(count, targetWidth),
          DataBuffers.of(yb, true, false)));
    } catch (RuntimeException e) {
      xt.close();
      throw e;
    }
  }

  /** A batch made into tensors once, to be fed at many steps; close it to free them. */
  public static final class Batch implements AutoCloseable {
    private final TFloat32 features;
    private final TFloat32 targets;

    private Batch(TFloat32 features, TFloat32 targets) {
      this.features = features;
      this.targets = targets;
    }

    @Override
    public void close() {
      features.close();
      targets.close();
    }
  }
}
