package dev.primer.tf.internal.datainit;

import dev.primer.dsl.init.Lsuv;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.tf.datainit.LayerScaling;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.SessionCalls;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * LSUV for one kernel, as ops on the model's graph (the algorithm is in {@link Lsuv}):
 * <pre>
 *   variance  Var(z) over every value of the layer's pre-activation z on the fed batch
 *             (examples, positions and units pooled; population variance, in float64)
 *   rescale   W := W * rsqrt(variance), one Assign that computes the variance itself
 * </pre>
 * z is the inference pass's value of the layer before its activation (dropout off, batch norm on
 * its moving statistics), so earlier layers are seen as they will be at evaluation. The rescale
 * reads W only through the forward pass that feeds its variance, so the Assign runs after every
 * read of W in its step.
 */
final class LsuvScaler {
  private final Lsuv lsuv;
  private final ResolvedLayer layer;
  private final Parameter kernel;
  private final Operand<TFloat64> variance;
  private final Op rescale;

  private LsuvScaler(Lsuv lsuv, ResolvedLayer layer, Parameter kernel,
      Operand<TFloat64> variance, Op rescale) {
    this.lsuv = lsuv;
    this.layer = layer;
    this.kernel = kernel;
    this.variance = variance;
    this.rescale = rescale;
  }

  static LsuvScaler build(CompiledGraph graph, ResolvedLayer layer, Parameter kernel, Lsuv lsuv) {
    Ops tf = graph.tf().withSubScope("lsuv_" + layer.name());
    Operand<TFloat32> pre = graph.inference().traces().get(layer.index()).preActivation();
    Operand<TFloat64> flat = tf.dtypes.cast(tf.reshape(pre, tf.constant(new int[] {-1})),
        TFloat64.class);
    Operand<TFloat64> mean = tf.math.mean(flat, tf.constant(0));
    Operand<TFloat64> variance = tf.withName("variance")
        .math.mean(tf.math.squaredDifference(flat, mean), tf.constant(0));
    Op rescale = tf.withName("rescale").assign(graph.variables().get(kernel.name()),
        tf.math.mul(graph.variables().read(tf, kernel.name()),
            tf.dtypes.cast(tf.math.rsqrt(variance), TFloat32.class)));
    return new LsuvScaler(lsuv, layer, kernel, variance, rescale);
  }

  /** Rescales the kernel until its layer's variance on {@code batch} is within tolerance. */
  LayerScaling scale(CompiledGraph graph, TFloat32 batch) {
    Session session = graph.session();
    double initial = measure(graph, batch);
    double v = initial;
    int iterations = 0;
    while (Math.abs(v - 1) >= lsuv.tolerance() && iterations < lsuv.maxIterations()
        && v > 0 && Double.isFinite(v)) {
      SessionCalls.runner(session).feed(graph.input(), batch).addTarget(rescale).run().close();
      iterations++;
      v = measure(graph, batch);
    }
    return new LayerScaling(kernel.name(), layer.index(), layer.kind(), lsuv.tolerance(),
        lsuv.maxIterations(), iterations, initial, v, Math.abs(v - 1) < lsuv.tolerance());
  }

  private double measure(CompiledGraph graph, TFloat32 batch) {
    try (Result r = SessionCalls.runner(graph.session()).feed(graph.input(), batch)
        .fetch(variance).run()) {
      return ((TFloat64) r.get(0)).getDouble();
    }
  }
}
