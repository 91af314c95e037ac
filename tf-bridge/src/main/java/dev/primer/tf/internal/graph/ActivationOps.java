package dev.primer.tf.internal.graph;

import dev.primer.dsl.activation.Activation;
import org.tensorflow.Operand;
import org.tensorflow.framework.activations.ELU;
import org.tensorflow.framework.activations.GELU;
import org.tensorflow.framework.activations.Swish;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * The ops of each activation (formulas in {@link Activation.Kind}); every one has a gradient.
 * GELU, ELU and swish come from {@code tensorflow-framework}'s activations, whose formulas
 * {@code ActivationOpsTest} checks value by value (ELU for alpha 1, 0.5 and 2.5).
 */
public final class ActivationOps {
  private ActivationOps() {
    throw new AssertionError("no instances");
  }

  /** {@code activation} applied to {@code x}. */
  public static Operand<TFloat32> apply(Ops tf, Activation activation, Operand<TFloat32> x) {
    return switch (activation.kind()) {
      case RELU -> tf.nn.relu(x);
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha((float) activation.alpha()));
      case ELU -> ELU.elu(tf, x, activation.alpha());
      case SELU -> tf.nn.selu(x);
      case GELU -> GELU.gelu(tf, x);
      case SWISH -> Swish.swish(tf, x);
      case TANH -> tf.math.tanh(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case SOFTMAX -> tf.nn.softmax(x);
      case LINEAR -> x;
    };
  }
}
