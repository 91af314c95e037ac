package dev.primer.tf.internal.saved;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.saved.ServingSignature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Reads parameter values out of a SavedModel: TensorFlow loads it (graph and checkpoint, as any
 * consumer of the SavedModel would), then one session run fetches every parameter's variable by
 * its name ({@code dense_0/kernel}).
 */
public final class SavedModelReader {
  private SavedModelReader() {
    throw new AssertionError("no instances");
  }

  /**
   * The values of {@code parameters} in the SavedModel at {@code dir}, with the shapes the
   * checkpoint has (the caller compares them with the parameters').
   *
   * @param sessionConfig the options of the loading session (the CPU's: it only restores)
   * @throws IllegalArgumentException naming a parameter the SavedModel has no variable for
   */
  public static List<ParameterValues> read(Path dir, Collection<Parameter> parameters,
      ConfigProto sessionConfig) {
    List<ParameterValues> values = new ArrayList<>();
    if (parameters.isEmpty()) {
      return values; // a run with nothing to fetch is an error in TensorFlow
    }
    try (SavedModelBundle bundle = SavedModelBundle.loader(dir.toString())
        .withTags(ServingSignature.TAG).withConfigProto(sessionConfig).load()) {
      Session.Runner runner = SessionCalls.runner(bundle.session());
      for (Parameter p : parameters) {
        if (bundle.graph().operation(p.name()) == null) {
          throw new IllegalArgumentException(dir + ": the SavedModel has no variable '"
              + p.name() + "' for the spec's parameter of that name");
        }
        runner.fetch(p.name());
      }
      try (Result r = runner.run()) {
        int i = 0;
        for (Parameter p : parameters) {
          TFloat32 t = (TFloat32) r.get(i++);
          float[] copy = new float[Math.toIntExact(t.size())];
          t.copyTo(DataBuffers.of(copy, false, false));
          values.add(new ParameterValues(p.name(), shape(t.shape().asArray()), copy));
        }
      }
    }
    return values;
  }

  private static Shape shape(long[] dims) {
    int[] ints = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      ints[i] = Math.toIntExact(dims[i]);
    }
    return Shape.of(ints);
  }
}
