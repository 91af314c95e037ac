package dev.primer.tf.bench;

import dev.primer.tf.graph.BatchShapes;
import dev.primer.tf.CompiledGraph;
import dev.primer.tf.Model;
import dev.primer.tf.graph.Forward;
import dev.primer.tf.graph.ForwardBuilder;
import dev.primer.tf.graph.Mode;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.LossOps;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.train.OptimizerOps;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The input paths {@link Model#fit} is measured against, for the benchmark only: a training step
 * fed through placeholders, either with a batch copied from Java arrays into new tensors each
 * step (what a feeding pipeline costs) or with one fixed batch made once (the step's cost with no
 * input work at all). Same net, loss and optimizer as a fit; built on the model's own graph.
 */
public final class FedBatchTrainer {
  private final CompiledGraph compiled;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final Operand<TFloat32> loss;
  private final Op train;
  private final dev.primer.dsl.base.Shape example;
  private final int exampleSize;
  private final int targetWidth;

  /** Adds a fed training step for {@code model} with {@code optimizer} and {@code lossKind}. */
  public FedBatchTrainer(Model model, Optimizer optimizer, Loss lossKind) {
    this.compiled = model.compiled();
    Ops tf = compiled.tf().withSubScope("fed");
    example = model.net().input();
    exampleSize = Math.toIntExact(model.net().input().size());
    targetWidth = model.outputSize();
    x = tf.placeholder(TFloat32.class,
        Placeholder.shape(BatchShapes.of(BatchShapes.ANY, example)));
    y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, targetWidth)));
    Variable<org.tensorflow.types.TInt64> step =
        tf.withName("step").variable(tf.constant(0L));
    Forward forward = ForwardBuilder.build(tf, model.net(), compiled.variables(), x, Mode.TRAIN,
        tf.identity(step), model.seed());
    int[] rows = {-1, targetWidth};
    loss = tf.math.mean(LossOps.perExample(tf, lossKind,
        tf.reshape(forward.logits(), tf.constant(rows)),
        tf.reshape(forward.output(), tf.constant(rows)), y), tf.constant(0));
    List<String> names = compiled.variables().trainableNames();
    List<Variable<TFloat32>> variables = names.stream().map(compiled.variables()::get).toList();
    Gradients gradients = tf.gradients(loss, variables);
    List<Op> ops = new ArrayList<>(
        OptimizerOps.step(tf, optimizer, names, variables, gradients.dy()));
    ops.addAll(forward.updates());
    train = tf.withControlDependencies(ops).noOp();
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
    try (Result r = compiled.session().runner().feed(x, batch.features()).feed(y, batch.targets())
        .fetch(loss).addTarget(train).run()) {
      return ((TFloat32) r.get(0)).getFloat();
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

  /** A batch as tensors; close it to free them. */
  public record Batch(TFloat32 features, TFloat32 targets) implements AutoCloseable {
    @Override
    public void close() {
      features.close();
      targets.close();
    }
  }
}
