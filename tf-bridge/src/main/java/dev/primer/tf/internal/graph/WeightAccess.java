package dev.primer.tf.internal.graph;

import dev.primer.dsl.resolve.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Reads and writes a compiled graph's parameter values: one session run fetches them all; writes
 * go through one placeholder and Assign per parameter, added under {@code set_weights} on first
 * use (under {@link CompiledGraph#build}: safe from several threads). The caller checks names
 * and shapes.
 */
public final class WeightAccess {
  private final CompiledGraph g;
  private final Map<String, Assign<TFloat32>> assigns = new ConcurrentHashMap<>();
  private final Map<String, Placeholder<TFloat32>> inputs = new ConcurrentHashMap<>();

  /** Access to {@code g}'s parameters; the assign ops are added on first write. */
  public WeightAccess(CompiledGraph g) {
    this.g = g;
  }

  /** Every parameter's values, row-major, by name in the net's order. */
  public Map<String, float[]> read() {
    List<String> names = new ArrayList<>(g.variables().all().keySet());
    Map<String, float[]> values = new LinkedHashMap<>();
    if (names.isEmpty()) {
      return values; // a run with nothing to fetch is an error in TensorFlow
    }
    Session.Runner runner = SessionCalls.runner(g.session());
    names.forEach(name -> runner.fetch(g.variables().get(name)));
    try (Result r = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        Parameter p = g.variables().parameters().get(names.get(i));
        float[] copy = new float[Math.toIntExact(p.size())];
        ((TFloat32) r.get(i)).copyTo(DataBuffers.of(copy, false, false));
        values.put(p.name(), copy);
      }
    }
    return values;
  }

  /** Sets each named parameter to its values (of its shape, row-major), in one session run. */
  public void write(Map<String, float[]> values) {
    Session.Runner runner = SessionCalls.runner(g.session());
    List<Tensor> fed = new ArrayList<>();
    try {
      for (Map.Entry<String, float[]> v : values.entrySet()) {
        Parameter p = g.variables().parameters().get(v.getKey());
        TFloat32 t = TFloat32.tensorOf(BatchShapes.unbatched(p.shape()),
            DataBuffers.of(v.getValue(), true, false));
        fed.add(t);
        assign(v.getKey());
        runner.feed(inputs.get(v.getKey()), t).addTarget(assigns.get(v.getKey()));
      }
      if (!fed.isEmpty()) {
        runner.run().close();
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  private void assign(String name) {
    if (assigns.containsKey(name)) {
      return;
    }
    g.build(() -> assigns.computeIfAbsent(name, n -> {
      Ops scope = g.tf().withSubScope("set_weights");
      Placeholder<TFloat32> in = scope.placeholder(TFloat32.class,
          Placeholder.shape(BatchShapes.unbatched(g.variables().parameters().get(n).shape())));
      inputs.put(n, in);
      return scope.assign(g.variables().get(n), in);
    }));
  }
}
