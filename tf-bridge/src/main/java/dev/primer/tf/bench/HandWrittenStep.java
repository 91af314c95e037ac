package dev.primer.tf.bench;

import dev.primer.tf.ParameterValues;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.train.LearningRate;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Session.Runner;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The yardstick of {@code primer bench step}: a training step written by hand in raw TensorFlow
 * Java ops, as a competent TensorFlow Java user writes it without Primer — its own graph and
 * session, weights and optimizer slots in variables, the training set in a variable assigned
 * once, and one session call per step that feeds the batch's indices, gathers the batch in the
 * graph and runs the train target, fetching nothing. A second target trains on a batch fed
 * through placeholders instead ({@link #fix}, {@link #stepFixed}): the step with no input work.
 *
 * <p>The net is read off the initial weights (kernel and bias per layer, in order, as {@code
 * Model.weights()} lists them): a 4-D kernel is a valid-padded stride-1 convolution, ReLU and
 * 2x2 max pooling; a 2-D kernel a dense layer, ReLU after all but the last; the last layer's
 * output are the logits of a softmax cross-entropy against one-hot targets, its mean over the
 * batch the loss. Those are the benchmark's nets (MLPs and the conv-pool CNN of issue 12).
 *
 * <p>The optimizer is TensorFlow's fused kernel with its hyperparameters as constants: Adam
 * ({@code ApplyAdam}, with the {@code beta^t} powers kept in two variables multiplied after
 * every step, as TensorFlow 1's Adam does) or SGD with momentum ({@code ApplyMomentum}). Every
 * apply waits for all gradients (an apply updates its variable in place).
 */
public final class HandWrittenStep implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final List<String> names = new ArrayList<>();
  private final List<Variable<TFloat32>> weights = new ArrayList<>();
  private final Placeholder<TInt32> indices;
  private final Placeholder<TFloat32> fedX;
  private final Placeholder<TFloat32> fedY;
  private final Placeholder<TFloat32> dataXIn;
  private final Placeholder<TFloat32> dataYIn;
  private final Op load;
  private final Op trainGathered;
  private final Op trainFixed;
  private final Operand<TFloat32> lossFixed;
  private final int exampleSize;
  private final int classes;
  private final boolean onCallingThread;
  private TFloat32 fixedX;
  private TFloat32 fixedY;

  /**
   * Builds the step for {@code initial} weights and {@code optimizer}, examples of shape {@code
   * example} (e.g. {784} or {28, 28, 1}) and {@code classes} classes, and sets the weights.
   *
   * @throws IllegalArgumentException for an optimizer other than Adam or SGD with momentum, a
   *     learning-rate schedule that is not constant, or weights that are no kernel/bias pairs
   */
  public HandWrittenStep(List<ParameterValues> initial, int[] example, int classes,
      Optimizer optimizer) {
    this(initial, example, classes, optimizer, false);
  }

  /**
   * As {@link #HandWrittenStep(List, int[], int, Optimizer)}; with {@code onCallingThread}, its
   * steps run their ops on the calling thread as Primer's session calls do ({@link
   * SessionCalls}), the one run option that tells Primer's calls from a plain hand-written loop's.
   */
  public HandWrittenStep(List<ParameterValues> initial, int[] example, int classes,
      Optimizer optimizer, boolean onCallingThread) {
    this.onCallingThread = onCallingThread;
    if (initial.isEmpty() || initial.size() % 2 != 0) {
      throw new IllegalArgumentException("hand-written step: the weights must be kernel and"
          + " bias pairs, got " + initial.size() + " parameters");
    }
    double rate = optimizer.learningRate();
    if (!optimizer.schedule().equals(LearningRate.constant(rate))) {
      throw new IllegalArgumentException("hand-written step: only a constant learning rate, got "
          + optimizer.describe());
    }
    int size = 1;
    for (int d : example) {
      size *= d;
    }
    this.exampleSize = size;
    this.classes = classes;
    Ops tf = Ops.create(graph);
    List<Placeholder<TFloat32>> initialIn = new ArrayList<>();
    List<Op> inits = new ArrayList<>();
    for (ParameterValues p : initial) {
      Shape shape = tensorShape(p);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      Variable<TFloat32> v = tf.variable(shape, TFloat32.class);
      names.add(p.name());
      weights.add(v);
      initialIn.add(in);
      inits.add(tf.assign(v, in));
    }

    dataXIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size)));
    dataYIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
    Variable<TFloat32> dataX = tf.variable(Shape.unknown(), TFloat32.class);
    Variable<TFloat32> dataY = tf.variable(Shape.unknown(), TFloat32.class);
    load = tf.withControlDependencies(List.of(
        tf.assign(dataX, dataXIn, org.tensorflow.op.core.Assign.validateShape(false)),
        tf.assign(dataY, dataYIn, org.tensorflow.op.core.Assign.validateShape(false))))
        .noOp();
    indices = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    fedX = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size)));
    fedY = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));

    Updater updater = new Updater(tf, optimizer, rate);
    inits.addAll(updater.inits);
    trainGathered = train(tf, updater,
        tf.gather(dataX, indices, tf.constant(0)), tf.gather(dataY, indices, tf.constant(0)),
        example).train;
    Built fixed = train(tf, updater, fedX, fedY, example);
    trainFixed = fixed.train;
    lossFixed = fixed.loss;
    Op init = tf.withControlDependencies(inits).noOp();

    session = new Session(graph, ConfigProto.newBuilder().putDeviceCount("GPU", 0).build());
    Runner runner = session.runner();
    List<TFloat32> tensors = new ArrayList<>();
    try {
      for (int i = 0; i < initial.size(); i++) {
        TFloat32 t = TFloat32.tensorOf(tensorShape(initial.get(i)),
            DataBuffers.of(initial.get(i).values(), true, false));
        tensors.add(t);
        runner.feed(initialIn.get(i), t);
      }
      runner.addTarget(init).run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  private record Built(Op train, Operand<TFloat32> loss) {}

  /** One training step on batch {@code x}, {@code y}: forward, loss, gradients, applies. */
  private Built train(Ops tf, Updater updater, Operand<TFloat32> x, Operand<TFloat32> y,
      int[] example) {
    List<Operand<TFloat32>> reads = new ArrayList<>();
    for (Variable<TFloat32> v : weights) {
      reads.add(tf.identity(v));
    }
    Operand<TFloat32> h = x;
    if (example.length == 3) {
      h = tf.reshape(h, tf.constant(new int[] {-1, example[0], example[1], example[2]}));
    }
    int layers = weights.size() / 2;
    for (int l = 0; l < layers; l++) {
      Operand<TFloat32> kernel = reads.get(2 * l);
      Operand<TFloat32> bias = reads.get(2 * l + 1);
      if (kernel.shape().numDimensions() == 4) {
        h = tf.nn.maxPool(tf.nn.relu(tf.nn.biasAdd(
                tf.nn.conv2d(h, kernel, List.of(1L, 1L, 1L, 1L), "VALID"), bias)),
            tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
      } else {
        if (h.shape().numDimensions() != 2) {
          h = tf.reshape(h, tf.constant(new int[] {-1, (int) kernel.shape().get(0)}));
        }
        h = tf.nn.biasAdd(tf.linalg.matMul(h, kernel), bias);
        if (l < layers - 1) {
          h = tf.nn.relu(h);
        }
      }
    }
    Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(h, y).loss(),
        tf.constant(0));
    List<Op> gradients = new ArrayList<>();
    List<Operand<TFloat32>> dy = new ArrayList<>();
    for (Output<?> g : tf.gradients(loss, reads).dy()) {
      gradients.add(g);
      dy.add(floats(g));
    }
    return new Built(updater.apply(tf.withControlDependencies(gradients), dy), loss);
  }

  /** The optimizer's slots and apply ops. */
  private final class Updater {
    private final Optimizer optimizer;
    private final Operand<TFloat32> rate;
    private final List<Op> inits = new ArrayList<>();
    private final List<List<Variable<TFloat32>>> slots = new ArrayList<>();
    private final Ops tf;
    private Variable<TFloat32> beta1Power;
    private Variable<TFloat32> beta2Power;

    Updater(Ops tf, Optimizer optimizer, double rate) {
      this.tf = tf;
      this.optimizer = optimizer;
      this.rate = tf.constant((float) rate);
      int kinds = optimizer.accept(new Optimizer.Visitor<Integer>() {
        @Override
        public Integer sgd(Optimizer.Sgd sgd) {
          if (sgd.momentum() == 0 || sgd.nesterov()) {
            throw unsupported();
          }
          return 1;
        }

        @Override
        public Integer adam(Optimizer.Adam adam) {
          beta1Power = tf.variable(Shape.scalar(), TFloat32.class);
          beta2Power = tf.variable(Shape.scalar(), TFloat32.class);
          inits.add(tf.assign(beta1Power, tf.constant((float) adam.beta1())));
          inits.add(tf.assign(beta2Power, tf.constant((float) adam.beta2())));
          return 2;
        }

        @Override
        public Integer rmsProp(Optimizer.RmsProp rmsProp) {
          throw unsupported();
        }

        private IllegalArgumentException unsupported() {
          return new IllegalArgumentException("hand-written step: Adam or SGD with momentum"
              + " only, got " + optimizer.describe());
        }
      });
      for (Variable<TFloat32> v : weights) {
        List<Variable<TFloat32>> of = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
          Variable<TFloat32> slot = tf.variable(v.shape(), TFloat32.class);
          inits.add(tf.assign(slot, tf.zeros(tf.constant(v.shape()), TFloat32.class)));
          of.add(slot);
        }
        slots.add(of);
      }
    }

    /** The applies of one step under {@code after} (all gradients), then a no-op target. */
    Op apply(Ops after, List<Operand<TFloat32>> dy) {
      List<Op> applies = optimizer.accept(new Optimizer.Visitor<List<Op>>() {
        @Override
        public List<Op> sgd(Optimizer.Sgd sgd) {
          List<Op> ops = new ArrayList<>();
          Operand<TFloat32> momentum = tf.constant((float) sgd.momentum());
          for (int i = 0; i < weights.size(); i++) {
            ops.add(after.train.applyMomentum(weights.get(i), slots.get(i).get(0), rate,
                dy.get(i), momentum));
          }
          return ops;
        }

        @Override
        public List<Op> adam(Optimizer.Adam adam) {
          Operand<TFloat32> beta1 = tf.constant((float) adam.beta1());
          Operand<TFloat32> beta2 = tf.constant((float) adam.beta2());
          Operand<TFloat32> epsilon = tf.constant((float) adam.epsilon());
          List<Op> ops = new ArrayList<>();
          for (int i = 0; i < weights.size(); i++) {
            ops.add(after.train.applyAdam(weights.get(i), slots.get(i).get(0),
                slots.get(i).get(1), beta1Power, beta2Power, rate, beta1, beta2, epsilon,
                dy.get(i)));
          }
          Ops afterApplies = tf.withControlDependencies(List.copyOf(ops));
          ops.add(afterApplies.assign(beta1Power,
              afterApplies.math.mul(afterApplies.identity(beta1Power), beta1)));
          ops.add(afterApplies.assign(beta2Power,
              afterApplies.math.mul(afterApplies.identity(beta2Power), beta2)));
          return ops;
        }

        @Override
        public List<Op> rmsProp(Optimizer.RmsProp rmsProp) {
          throw new IllegalStateException("rejected when built");
        }
      });
      return tf.withControlDependencies(applies).noOp();
    }
  }

  /** Copies {@code n} examples (row-major) and their one-hot targets into the data variables. */
  public void load(float[] features, float[] targets, int n) {
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, exampleSize),
             DataBuffers.of(features, true, false).narrow((long) n * exampleSize));
         TFloat32 y = TFloat32.tensorOf(Shape.of(n, classes),
             DataBuffers.of(targets, true, false).narrow((long) n * classes))) {
      session.runner().feed(dataXIn, x).feed(dataYIn, y).addTarget(load).run().close();
    }
  }

  /** One step on the examples {@code batch} of the loaded set, gathered in the graph. */
  public void step(int[] batch) {
    try (TInt32 t = TInt32.tensorOf(Shape.of(batch.length), DataBuffers.of(batch, true, false))) {
      runner().feed(indices, t).addTarget(trainGathered).run().close();
    }
  }

  /** Makes the examples {@code batch} of row-major arrays the batch {@link #stepFixed} feeds. */
  public void fix(float[] features, float[] targets, int[] batch) {
    closeFixed();
    float[] xb = new float[batch.length * exampleSize];
    float[] yb = new float[batch.length * classes];
    for (int i = 0; i < batch.length; i++) {
      System.arraycopy(features, batch[i] * exampleSize, xb, i * exampleSize, exampleSize);
      System.arraycopy(targets, batch[i] * classes, yb, i * classes, classes);
    }
    fixedX = TFloat32.tensorOf(Shape.of(batch.length, exampleSize),
        DataBuffers.of(xb, true, false));
    fixedY = TFloat32.tensorOf(Shape.of(batch.length, classes), DataBuffers.of(yb, true, false));
  }

  /**
   * One step on the batch made by {@link #fix}, fed through placeholders.
   *
   * @throws IllegalStateException if no batch was fixed
   */
  public void stepFixed() {
    if (fixedX == null) {
      throw new IllegalStateException("hand-written step: fix a batch first");
    }
    runner().feed(fedX, fixedX).feed(fedY, fixedY).addTarget(trainFixed).run().close();
  }

  private Runner runner() {
    return onCallingThread ? SessionCalls.runner(session) : session.runner();
  }

  /** The mean loss on the fixed batch, for checking; trains nothing. */
  public float lossOnFixed() {
    try (Result r = session.runner().feed(fedX, fixedX).feed(fedY, fixedY).fetch(lossFixed)
        .run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  /** The current weights by the names they were given, in order. */
  public Map<String, float[]> weights() {
    Map<String, float[]> values = new LinkedHashMap<>();
    Runner runner = session.runner();
    weights.forEach(runner::fetch);
    try (Result r = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        float[] v = new float[Math.toIntExact(t.size())];
        t.copyTo(DataBuffers.of(v, false, false));
        values.put(names.get(i), v);
      }
    }
    return values;
  }

  private void closeFixed() {
    if (fixedX != null) {
      fixedX.close();
      fixedY.close();
      fixedX = null;
    }
  }

  /** Frees the batch, the session and the graph. */
  @Override
  public void close() {
    closeFixed();
    session.close();
    graph.close();
  }

  private static Shape tensorShape(ParameterValues p) {
    return Shape.of(java.util.Arrays.stream(p.shape().toArray()).asLongStream().toArray());
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Output<?> gradient) {
    return (Operand<TFloat32>) gradient;
  }
}
