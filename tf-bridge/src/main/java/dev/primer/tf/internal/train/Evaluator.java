package dev.primer.tf.internal.train;

import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.train.ClassMetrics;
import dev.primer.tf.train.ConfusionMatrix;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.Loss;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Evaluation of a model on a data set at inference (dropout off, batch norm's moving
 * statistics): the data fed in batches of {@value #BATCH}, loss and correct-count sums added up
 * in double precision, confusion and class-rank counts as exact integers. One evaluation graph
 * per loss, built on first use under the graph's build lock: safe from several threads at once.
 */
public final class Evaluator {
  /** Examples per fed batch. */
  public static final int BATCH = 1024;

  private final CompiledGraph g;
  private final Map<Loss, EvaluationGraph> graphs = new ConcurrentHashMap<>();

  /** An evaluator on {@code g}; it adds its ops on first use. */
  public Evaluator(CompiledGraph g) {
    this.g = g;
  }

  /** Mean loss and accuracy on {@code data}, which the caller checked against the net. */
  public Evaluation evaluate(Dataset data, Loss loss) {
    EvaluationGraph e = graph(loss);
    int exampleSize = (int) g.net().input().size();
    int width = data.targetWidth();
    double lossSum = 0;
    double correct = 0;
    long[] confusion = new long[width * width];
    long[] ranks = new long[width];
    for (int start = 0; start < data.size(); start += BATCH) {
      int count = Math.min(BATCH, data.size() - start);
      float[] x = new float[count * exampleSize];
      float[] y = new float[count * width];
      data.read(start, count, x, 0, y, 0);
      try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, g.net().input()),
               DataBuffers.of(x, true, false));
           TFloat32 yt = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(count, width),
               DataBuffers.of(y, true, false))) {
        Session.Runner runner = SessionCalls.runner(g.session()).feed(g.input(), xt)
            .feed(e.targets, yt).fetch(e.lossSum).fetch(e.correct);
        e.confusion.ifPresent(runner::fetch);
        e.rankCounts.ifPresent(runner::fetch);
        try (Result r = runner.run()) {
          lossSum += ((TFloat32) r.get(0)).getFloat();
          correct += ((TFloat32) r.get(1)).getFloat();
          if (e.confusion.isPresent()) {
            addCounts((TFloat32) r.get(2), confusion);
            addCounts((TFloat32) r.get(3), ranks);
          }
        }
      }
    }
    Optional<ClassMetrics> classes = e.confusion.isPresent()
        ? Optional.of(new ClassMetrics(new ConfusionMatrix(width, confusion), ranks))
        : Optional.empty();
    return new Evaluation(lossSum / data.size(),
        LossOps.hasAccuracy(loss, width) ? correct / data.size() : Double.NaN, data.size(),
        classes);
  }

  private EvaluationGraph graph(Loss loss) {
    EvaluationGraph e = graphs.get(loss);
    return e != null ? e : g.build(() -> graphs.computeIfAbsent(loss,
        l -> new EvaluationGraph(g.tf(), g.inference(), g.outputSize(), l)));
  }

  /** Adds a fetched tensor of whole-number counts (exact in float32 up to 2^24) to {@code sums}. */
  private static void addCounts(TFloat32 counts, long[] sums) {
    float[] batch = new float[sums.length];
    counts.copyTo(DataBuffers.of(batch, false, false));
    for (int i = 0; i < sums.length; i++) {
      sums[i] += (long) batch[i];
    }
  }
}
