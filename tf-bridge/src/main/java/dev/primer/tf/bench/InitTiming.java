package dev.primer.tf.bench;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Qr;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * How long a model takes to get its initial weights, against the same random draws written
 * directly in TensorFlow ops.
 * <ul>
 *   <li>Primer: {@code Model.compile} plus one prediction of one example (the first session run
 *   initializes every variable), closed afterwards;
 *   <li>raw: a graph of one variable per parameter of the same shape, initialized by a stateless
 *   truncated normal scaled by the parameter's standard deviation, or — for an {@code
 *   orthogonal} kernel — the Q of a QR decomposition of a normal matrix with signs fixed by
 *   diag(R), or zeros for a bias; then {@code Session.initialize()}.
 * </ul>
 * The raw graph draws what a hand-writer would draw; it is not checked to equal Primer's values.
 *
 * @param primerSeconds Primer's compile and first run
 * @param rawSeconds the raw graph's building and initialization
 * @param parameters the net's parameter count
 */
public record InitTiming(double primerSeconds, double rawSeconds, long parameters) {

  /** Primer's time over the raw time. */
  public double ratio() {
    return primerSeconds / rawSeconds;
  }

  /** Times Primer and then the raw ops on {@code spec} (which must have its input shape). */
  public static InitTiming measure(NetSpec spec, long seed) {
    ResolvedNet net = spec.resolve();
    double primer = primer(spec, net, seed);
    return new InitTiming(primer, raw(net), parameterCount(net));
  }

  /** As {@link #measure}, timing the raw ops first (alternate the two to spread noise). */
  public static InitTiming measureRawFirst(NetSpec spec, long seed) {
    ResolvedNet net = spec.resolve();
    double raw = raw(net);
    return new InitTiming(primer(spec, net, seed), raw, parameterCount(net));
  }

  private static long parameterCount(ResolvedNet net) {
    return net.layers().stream().flatMap(l -> l.parameters().stream())
        .mapToLong(Parameter::size).sum();
  }

  /** Seconds for {@code Model.compile} and its first run. */
  public static double primer(NetSpec spec, ResolvedNet net, long seed) {
    long start = System.nanoTime();
    try (Model model = Model.compile(spec, seed)) {
      model.predict(new float[Math.toIntExact(net.input().size())]);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** Seconds to build and initialize the raw graph of {@code net}'s parameters. */
  public static double raw(ResolvedNet net) {
    long start = System.nanoTime();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      long key = 1;
      for (var layer : net.layers()) {
        for (Parameter p : layer.parameters()) {
          tf.variable(initial(tf, p, new long[] {key++, 7}));
        }
      }
      try (Session session = new Session(graph,
          ConfigProto.newBuilder().putDeviceCount("GPU", 0).build())) {
        session.initialize();
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static Operand<TFloat32> initial(Ops tf, Parameter p, long[] key) {
    Shape shape = p.shape();
    long[] dims = new long[shape.rank()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.dim(i);
    }
    if (p.role() != Role.KERNEL) {
      return tf.zeros(tf.constant(dims), TFloat32.class);
    }
    if (p.label().startsWith("orthogonal")) {
      long cols = dims[dims.length - 1];
      long rows = shape.size() / cols;
      Qr<TFloat32> qr = tf.linalg.qr(tf.random.statelessRandomNormal(
          tf.constant(new long[] {Math.max(rows, cols), Math.min(rows, cols)}),
          tf.constant(key)), Qr.fullMatrices(false));
      return tf.math.mul(qr.q(), tf.math.sign(
          tf.linalg.matrixDiagPart(qr.r(), tf.constant(0), tf.constant(0f))));
    }
    double std = Math.sqrt(2.0 / (shape.size() / dims[dims.length - 1])) / 0.87962566103423978;
    return tf.math.mul(tf.random.statelessTruncatedNormal(tf.constant(dims), tf.constant(key)),
        tf.constant((float) std));
  }
}
