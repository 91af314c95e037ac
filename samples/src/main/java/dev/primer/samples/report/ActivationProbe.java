package dev.primer.samples.report;

import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.internal.graph.LayerTrace;
import dev.primer.tf.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Measures how a net's signal travels at initialization: runs a probe batch through the net's
 * inference pass and takes the standard deviation of each layer's output over the whole batch
 * and all units,
 * <pre>
 *   std_l = sqrt( (1/N) * sum_i (h_l[i] - mean(h_l))^2 )      over the N = batch * units values
 * </pre>
 * computed in double precision from the float32 values.
 */
public final class ActivationProbe {
  private ActivationProbe() {
    throw new AssertionError("no instances");
  }

  /** The standard deviation of each layer's output for {@code examples} (whole examples). */
  public static double[] stdPerLayer(Model model, float[] examples) {
    CompiledGraph g = ModelGraphs.of(model);
    long exampleSize = model.net().input().size();
    int count = Math.toIntExact(examples.length / exampleSize);
    // A layer whose output is its input's (dropout at inference) is fetched once: fetching the
    // same output twice in one run throws.
    List<LayerTrace> traces = g.inference().traces();
    Map<Output<TFloat32>, Integer> fetchIndex = new LinkedHashMap<>();
    int[] layerFetch = new int[traces.size()];
    for (int i = 0; i < traces.size(); i++) {
      Output<TFloat32> out = traces.get(i).output().asOutput();
      layerFetch[i] = fetchIndex.computeIfAbsent(out, k -> fetchIndex.size());
    }
    Session.Runner runner;
    double[] std = new double[traces.size()];
    try (TFloat32 x = TFloat32.tensorOf(BatchShapes.of(count, model.net().input()),
        DataBuffers.of(examples, true, false))) {
      runner = g.session().runner().feed(g.input(), x);
      for (Output<TFloat32> out : fetchIndex.keySet()) {
        runner.fetch(out);
      }
      try (Result r = runner.run()) {
        List<Double> byFetch = new ArrayList<>();
        for (int f = 0; f < fetchIndex.size(); f++) {
          TFloat32 t = (TFloat32) r.get(f);
          float[] values = new float[Math.toIntExact(t.shape().size())];
          t.copyTo(DataBuffers.of(values, false, false));
          byFetch.add(std(values));
        }
        for (int i = 0; i < traces.size(); i++) {
          std[i] = byFetch.get(layerFetch[i]);
        }
      }
    }
    return std;
  }

  /**
   * Per scheme, in order, the standard deviation of each layer's output at initialization when
   * {@code spec} has every kernel drawn from that scheme with {@code seed}, probed with the first
   * {@code examples} examples of {@code data}.
   */
  public static Map<String, double[]> atInit(NetSpec spec, Map<String, Init> schemes, long seed,
      Device device, Dataset data, int examples) {
    float[] probe = firstExamples(data, examples);
    Map<String, double[]> result = new LinkedHashMap<>();
    for (Map.Entry<String, Init> scheme : schemes.entrySet()) {
      try (Model model = Model.compile(spec.withKernelInit(scheme.getValue()), seed, device)) {
        result.put(scheme.getKey(), stdPerLayer(model, probe));
      }
    }
    return result;
  }

  /** The features of the first {@code count} examples of {@code data} (fewer if it is smaller). */
  static float[] firstExamples(Dataset data, int count) {
    int n = Math.min(count, data.size());
    int exampleSize = Math.toIntExact(data.exampleShape().size());
    float[] features = new float[n * exampleSize];
    float[] targets = new float[n * data.targetWidth()];
    data.read(0, n, features, 0, targets, 0);
    return features;
  }

  /** Population standard deviation, two passes in double. */
  static double std(float[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (float v : values) {
      double d = v - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / values.length);
  }
}
