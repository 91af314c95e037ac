package dev.primer.tf.internal.train;

import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.Loss;
import java.util.EnumMap;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Evaluation of a model on a data set at inference (dropout off, batch norm's moving
 * statistics): the data fed in batches of {@value #BATCH}, loss and correct-count sums added up
 * in double precision. One evaluation graph per loss, built on first use.
 */
public final class Evaluator {
  /** Examples per fed batch. */
  public static final int BATCH = 1024;

  private final CompiledGraph g;
  private final Map<Loss, EvaluationGraph> graphs = new EnumMap<>(Loss.class);

  /** An evaluator on {@code g}; it adds its ops on first use. */
  public Evaluator(CompiledGraph g) {
    this.g = g;
  }

  /** Mean loss and accuracy on {@code data}, which the caller checked against the net. */
  public Evaluation evaluate(Dataset data, Loss loss) {
    EvaluationGraph e = graphs.computeIfAbsent(loss,
        l -> new EvaluationGraph(g.tf(), g.inference(), g.outputSize(), l));
    int exampleSize = (int) g.net().input().size();
    int width = data.targetWidth();
    double lossSum = 0;
    double correct = 0;
    for (int start = 0; start < data.size(); start += BATCH) {
      int count = Math.min(BATCH, data.size() - start);
      float[] x = new float[count * exampleSize];
      float[] y = new float[count * width];
      data.read(start, count, x, 0, y, 0);
      try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, g.net().input()),
               DataBuffers.of(x, true, false));
           TFloat32 yt = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(count, width),
               DataBuffers.of(y, true, false));
           Result r = g.session().runner().feed(g.input(), xt).feed(e.targets, yt)
               .fetch(e.lossSum).fetch(e.correct).run()) {
        lossSum += ((TFloat32) r.get(0)).getFloat();
        correct += ((TFloat32) r.get(1)).getFloat();
      }
    }
    return new Evaluation(lossSum / data.size(), LossOps.hasAccuracy(loss, width) ? correct / data.size() : Double.NaN,
        data.size());
  }
}
