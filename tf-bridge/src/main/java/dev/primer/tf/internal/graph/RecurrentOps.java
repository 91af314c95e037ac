package dev.primer.tf.internal.graph;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.layer.Recurrent;
import dev.primer.dsl.layer.Returns;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Recurrent layers, unrolled over the (fixed) number of steps of their input: every op has a
 * gradient, and the graph stays small for sequences of tens of steps (MNIST rows: 28). The state
 * starts at zero. Cell equations are in the Javadoc of each layer record; gates are laid out in
 * blocks of {@code units} columns in the order of {@code dev.primer.dsl.init.Cell}.
 */
final class RecurrentOps {
  private RecurrentOps() {
    throw new AssertionError("no instances");
  }

  static Operand<TFloat32> unroll(
      Ops tf, Recurrent layer, Shape input, Operand<TFloat32> x, Operand<TFloat32> kernel,
      Operand<TFloat32> recurrentKernel, Operand<TFloat32> bias) {
    int steps = input.dim(0);
    int features = input.dim(1);
    int units = layer.units();
    int width = layer.cell().gates() * units;
    // the input projection of every step at once: [batch * steps, features] x [features, width]
    Operand<TFloat32> projected = tf.reshape(
        tf.nn.biasAdd(tf.linalg.matMul(
            tf.reshape(x, tf.constant(new int[] {-1, features})), kernel), bias),
        tf.constant(new int[] {-1, steps, width}));
    List<Output<TFloat32>> perStep =
        tf.unstack(projected, (long) steps, Unstack.axis(1L)).output();
    Operand<TInt32> batch =
        tf.reshape(tf.shape.size(x, tf.constant(0)), tf.constant(new int[0]));
    Operand<TFloat32> h =
        tf.fill(tf.stack(List.of(batch, tf.constant(units))), tf.constant(0f));
    Operand<TFloat32> c = h;
    List<Operand<TFloat32>> states = new ArrayList<>();
    for (Output<TFloat32> xt : perStep) {
      switch (layer.cell()) {
        case SIMPLE_RNN, NONE -> {
          Operand<TFloat32> z = tf.math.add(xt, tf.linalg.matMul(h, recurrentKernel));
          h = switch (layer.activation()) {
            case TANH -> tf.math.tanh(z);
            case RELU -> tf.nn.relu(z);
          };
        }
        case LSTM -> {
          List<Operand<TFloat32>> g = split(tf,
              tf.math.add(xt, tf.linalg.matMul(h, recurrentKernel)), 4);
          Operand<TFloat32> i = tf.math.sigmoid(g.get(0));
          Operand<TFloat32> f = tf.math.sigmoid(g.get(1));
          Operand<TFloat32> candidate = tf.math.tanh(g.get(2));
          Operand<TFloat32> o = tf.math.sigmoid(g.get(3));
          c = tf.math.add(tf.math.mul(f, c), tf.math.mul(i, candidate));
          h = tf.math.mul(o, tf.math.tanh(c));
        }
        case GRU -> {
          List<Operand<TFloat32>> xg = split(tf, xt, 3);
          Operand<TFloat32> uzr = tf.slice(recurrentKernel, tf.constant(new int[] {0, 0}),
              tf.constant(new int[] {units, 2 * units}));
          Operand<TFloat32> uh = tf.slice(recurrentKernel, tf.constant(new int[] {0, 2 * units}),
              tf.constant(new int[] {units, units}));
          List<Operand<TFloat32>> hg = split(tf, tf.linalg.matMul(h, uzr), 2);
          Operand<TFloat32> z = tf.math.sigmoid(tf.math.add(xg.get(0), hg.get(0)));
          Operand<TFloat32> r = tf.math.sigmoid(tf.math.add(xg.get(1), hg.get(1)));
          Operand<TFloat32> candidate = tf.math.tanh(
              tf.math.add(xg.get(2), tf.linalg.matMul(tf.math.mul(r, h), uh)));
          h = tf.math.add(tf.math.mul(z, h),
              tf.math.mul(tf.math.sub(tf.constant(1f), z), candidate));
        }
      }
      states.add(h);
    }
    return layer.returns() == Returns.LAST ? h : tf.stack(states, org.tensorflow.op.core.Stack.axis(1L));
  }

  private static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> x, int parts) {
    return new ArrayList<>(tf.split(tf.constant(1), x, (long) parts).output());
  }
}
