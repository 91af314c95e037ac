package dev.primer.tf.internal.graph;

import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.Seeds;
import dev.primer.dsl.layer.AvgPool2d;
import dev.primer.dsl.layer.BatchNorm;
import dev.primer.dsl.layer.Conv2d;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.Dropout;
import dev.primer.dsl.layer.Flatten;
import dev.primer.dsl.layer.Gru;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.Lstm;
import dev.primer.dsl.layer.MaxPool2d;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Reshape;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.layer.SimpleRnn;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds one forward pass of a resolved net over given variables; its logits are the value
 * {@link Logits#of} names. Each layer kind maps to ops
 * through a {@link Layer.Visitor}, so a new kind cannot be forgotten here.
 */
public final class ForwardBuilder {
  private final ResolvedNet net;
  private final NetVariables variables;
  private final Mode mode;
  private final Operand<TInt64> step;
  private final long seed;
  private final List<Op> updates = new ArrayList<>();

  private ForwardBuilder(
      ResolvedNet net, NetVariables variables, Mode mode, Operand<TInt64> step, long seed) {
    this.net = net;
    this.variables = variables;
    this.mode = mode;
    this.step = step;
    this.seed = seed;
  }

  /**
   * The forward pass of {@code net} on {@code input}.
   *
   * @param step the training step, which keys dropout's masks so each step draws new ones
   *     reproducibly (unused at inference)
   * @param seed the net's seed, from which each dropout layer derives its own
   */
  public static Forward build(
      Ops tf, ResolvedNet net, NetVariables variables, Operand<TFloat32> input, Mode mode,
      Operand<TInt64> step, long seed) {
    return build(scopes(tf, net, mode), net, variables, input, mode, step, seed);
  }

  /**
   * As {@link #build(Ops, ResolvedNet, NetVariables, Operand, Mode, Operand, long)}, in name
   * scopes made earlier by {@link #scopes}.
   */
  public static Forward build(
      Scopes scopes, ResolvedNet net, NetVariables variables, Operand<TFloat32> input, Mode mode,
      Operand<TInt64> step, long seed) {
    if (scopes.layers().size() != net.layers().size()) {
      throw new IllegalArgumentException("scopes for " + scopes.layers().size()
          + " layers, but the net has " + net.layers().size());
    }
    return new ForwardBuilder(net, variables, mode, step, seed).run(scopes, input);
  }

  /**
   * The name scopes of a pass of {@code net} in {@code mode}: {@code infer} and one per layer in
   * it ({@code infer/dense_0}; a residual block's nested, {@code infer/block_7/dense_1}, and its
   * sum's ops in {@code infer/block_7}). TensorFlow Java's {@code withSubScope} reads the name of every op
   * already in the graph, so a scope made per layer while the pass's ops are added costs time
   * quadratic in depth; made before the graph grows, they cost next to nothing and give the same
   * names (no op exists yet under a new scope).
   */
  public static Scopes scopes(Ops tf, ResolvedNet net, Mode mode) {
    Ops pass = tf.withSubScope(mode.name().toLowerCase(Locale.ROOT));
    ScopeTree tree = new ScopeTree(pass);
    List<Ops> layers = new ArrayList<>();
    for (ResolvedLayer layer : net.layers()) {
      layers.add(tree.at(layer.name()));
    }
    return new Scopes(pass, layers);
  }

  /**
   * The name scopes of one forward pass.
   *
   * @param pass the pass's scope ({@code infer})
   * @param layers one per layer of the net, in order ({@code infer/dense_0})
   */
  public record Scopes(Ops pass, List<Ops> layers) {
    /** Copies {@code layers}. */
    public Scopes {
      layers = List.copyOf(layers);
    }
  }

  private Forward run(Scopes scopes, Operand<TFloat32> input) {
    Ops pass = scopes.pass();
    List<LayerTrace> traces = new ArrayList<>();
    // what entered each layer: a residual sum takes its skip path from its branch's first
    List<Operand<TFloat32>> entering = new ArrayList<>();
    Operand<TFloat32> x = input;
    Operand<TFloat32> logits = input;
    for (ResolvedLayer layer : net.layers()) {
      Ops scope = scopes.layers().get(layer.index());
      entering.add(x);
      Operand<TFloat32> skip = layer.residualSum() ? entering.get(layer.branchStart()) : x;
      Operand<TFloat32> pre = layer.spec().layer().accept(new LayerOps(scope, layer, x, skip));
      Operand<TFloat32> out = layer.spec().activation()
          .map(a -> ActivationOps.apply(scope, a, pre)).orElse(pre);
      traces.add(new LayerTrace(layer, pre, out));
      logits = Logits.of(layer.spec().activation(), pre, out);
      x = out;
    }
    if (x == input) {
      // no layer computed anything (no layers, or only dropout at inference): a session may not
      // fetch the operand it is fed, so the output is a copy
      x = pass.identity(x);
      logits = x;
    }
    return new Forward(input, logits, x, List.copyOf(traces), List.copyOf(updates));
  }

  /** The ops of one layer, before its activation. */
  private final class LayerOps implements Layer.Visitor<Operand<TFloat32>> {
    private final Ops tf;
    private final ResolvedLayer layer;
    private final Operand<TFloat32> x;
    /** What entered a residual's branch (its skip path); x for other layers. */
    private final Operand<TFloat32> skip;

    LayerOps(Ops tf, ResolvedLayer layer, Operand<TFloat32> x, Operand<TFloat32> skip) {
      this.tf = tf;
      this.layer = layer;
      this.x = x;
      this.skip = skip;
    }

    private Operand<TFloat32> param(Role role) {
      return variables.read(tf, name(role));
    }

    private String name(Role role) {
      return layer.name() + "/" + layer.spec().layer().parameterName(role);
    }

    @Override
    public Operand<TFloat32> dense(Dense d) {
      return tf.nn.biasAdd(tf.linalg.matMul(x, param(Role.KERNEL)), param(Role.BIAS));
    }

    @Override
    public Operand<TFloat32> conv2d(Conv2d c) {
      long s = c.stride();
      return tf.nn.biasAdd(
          tf.nn.conv2d(x, param(Role.KERNEL), List.of(1L, s, s, 1L), padding(c.padding())),
          param(Role.BIAS));
    }

    @Override
    public Operand<TFloat32> maxPool2d(MaxPool2d p) {
      return tf.nn.maxPool(x, tf.constant(new int[] {1, p.pool(), p.pool(), 1}),
          tf.constant(new int[] {1, p.stride(), p.stride(), 1}), padding(p.padding()));
    }

    @Override
    public Operand<TFloat32> avgPool2d(AvgPool2d p) {
      return tf.nn.avgPool(x, List.of(1L, (long) p.pool(), (long) p.pool(), 1L),
          List.of(1L, (long) p.stride(), (long) p.stride(), 1L), padding(p.padding()));
    }

    @Override
    public Operand<TFloat32> flatten(Flatten f) {
      return tf.reshape(x, tf.constant(new int[] {-1, layer.output().dim(0)}));
    }

    @Override
    public Operand<TFloat32> reshape(Reshape r) {
      return tf.reshape(x, tf.constant(BatchShapes.dims(BatchShapes.ANY, r.target())));
    }

    @Override
    public Operand<TFloat32> dropout(Dropout d) {
      if (mode == Mode.INFER || d.rate() == 0) {
        return x;
      }
      Operand<TInt64> key = tf.stack(List.of(
          tf.constant(Seeds.forPurpose(seed, "dropout/" + layer.name())), step));
      Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(
          tf.random.statelessRandomUniform(tf.shape(x), key), tf.constant((float) d.rate())),
          TFloat32.class);
      return tf.math.div(tf.math.mul(x, keep), tf.constant((float) (1 - d.rate())));
    }

    @Override
    public Operand<TFloat32> batchNorm(BatchNorm b) {
      int rank = layer.input().rank() + 1;
      int[] axes = new int[rank - 1];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i;
      }
      Operand<TFloat32> mean;
      Operand<TFloat32> variance;
      // a frozen batch norm normalizes as at inference and keeps its moving statistics (Keras)
      if (mode == Mode.TRAIN && !layer.frozen()) {
        mean = tf.math.mean(x, tf.constant(axes));
        variance = tf.math.mean(tf.math.squaredDifference(x, mean), tf.constant(axes));
        updates.add(movingAverage(Role.MOVING_MEAN, mean, b.momentum()));
        updates.add(movingAverage(Role.MOVING_VARIANCE, variance, b.momentum()));
      } else {
        mean = param(Role.MOVING_MEAN);
        variance = param(Role.MOVING_VARIANCE);
      }
      Operand<TFloat32> normalized = tf.math.mul(tf.math.sub(x, mean),
          tf.math.rsqrt(tf.math.add(variance, tf.constant((float) b.epsilon()))));
      return tf.math.add(tf.math.mul(normalized, param(Role.GAMMA)), param(Role.BETA));
    }

    /** moving := momentum * moving + (1 - momentum) * batch. */
    private Op movingAverage(Role role, Operand<TFloat32> batch, double momentum) {
      String name = name(role);
      return tf.assign(variables.get(name), tf.math.add(
          tf.math.mul(variables.read(tf, name), tf.constant((float) momentum)),
          tf.math.mul(batch, tf.constant((float) (1 - momentum)))));
    }

    @Override
    public Operand<TFloat32> simpleRnn(SimpleRnn r) {
      return recurrent();
    }

    @Override
    public Operand<TFloat32> lstm(Lstm l) {
      return recurrent();
    }

    @Override
    public Operand<TFloat32> gru(Gru g) {
      return recurrent();
    }

    /**
     * y = P skip + alpha x: x is the branch's output, P the projection (identity when the
     * branch keeps the shape; a matrix on the last axis, a 1x1 convolution on images), alpha
     * the learned scale (1 when not scaled).
     */
    @Override
    public Operand<TFloat32> residual(Residual r) {
      Operand<TFloat32> path = layer.parameter(Role.KERNEL).isEmpty() ? skip : project();
      Operand<TFloat32> branch = r.scale().isEmpty() ? x
          : tf.math.mul(x, param(Role.BRANCH_SCALE));
      return tf.math.add(path, branch);
    }

    private Operand<TFloat32> project() {
      Operand<TFloat32> kernel = param(Role.KERNEL);
      return switch (layer.input().rank()) {
        case 1 -> tf.linalg.matMul(skip, kernel);
        case 3 -> tf.nn.conv2d(skip, kernel, List.of(1L, 1L, 1L, 1L), "VALID");
        default -> {
          // [batch, steps..., in]: one matrix product over all positions
          int in = layer.input().last();
          Operand<TFloat32> flat = tf.reshape(skip, tf.constant(new int[] {-1, in}));
          yield tf.reshape(tf.linalg.matMul(flat, kernel),
              tf.constant(BatchShapes.dims(BatchShapes.ANY, layer.output())));
        }
      };
    }

    @Override
    public Operand<TFloat32> repeat(Repeat r) {
      throw new IllegalStateException("a resolved net holds no repeat: it is expanded");
    }

    private Operand<TFloat32> recurrent() {
      return RecurrentOps.unroll(tf, (dev.primer.dsl.layer.Recurrent) layer.spec().layer(),
          layer.input(), x, param(Role.KERNEL), param(Role.RECURRENT_KERNEL), param(Role.BIAS));
    }
  }

  private static String padding(Padding padding) {
    return padding.name();
  }
}
