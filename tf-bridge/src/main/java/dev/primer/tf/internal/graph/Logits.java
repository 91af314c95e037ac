package dev.primer.tf.internal.graph;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which value of a net is its logits, the input of softmax
 * cross-entropy: a layer's value before its softmax, or its output when it has no activation (or
 * the linear one). The forward pass takes its logits from {@link #of}, training and evaluation
 * refuse a net that does not end in logits ({@link #checkEndsInLogits}), the diagnosis chooses
 * its loss by {@link #lastLayerGivesLogits}.
 */
public final class Logits {
  private Logits() {
    throw new AssertionError("no instances");
  }

  /** Whether a layer with this activation yields logits: none, linear, or softmax (before it). */
  public static boolean givesLogits(Optional<Activation> activation) {
    return activation.isEmpty() || givesLogits(activation.get());
  }

  private static boolean givesLogits(Activation activation) {
    return activation.kind() == Activation.Kind.SOFTMAX
        || activation.kind() == Activation.Kind.LINEAR;
  }

  /** A layer's logits: its value before a softmax, else its output. */
  public static <T> T of(Optional<Activation> activation, T preActivation, T output) {
    return activation.filter(a -> a.kind() == Activation.Kind.SOFTMAX).isPresent()
        ? preActivation : output;
  }

  /** Whether the net's last layer yields logits (see {@link #givesLogits}); false if it has none. */
  public static boolean lastLayerGivesLogits(ResolvedNet net) {
    List<ResolvedLayer> layers = net.layers();
    return !layers.isEmpty() && givesLogits(layers.get(layers.size() - 1).spec().activation());
  }

  /**
   * Softmax cross-entropy is computed from logits: the net must end with softmax() or with a
   * layer that has no activation. Layers after the last activation that do not mix units
   * (dropout, pooling, flatten, reshape) would turn probabilities into something that is
   * neither, so a softmax (or any other activation) followed by them is refused too.
   *
   * @throws IllegalArgumentException naming the layer that breaks the rule
   */
  public static void checkEndsInLogits(ResolvedNet net) {
    List<ResolvedLayer> layers = net.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      ResolvedLayer layer = layers.get(i);
      Optional<Activation> a = layer.spec().activation();
      if (a.isPresent()) {
        ResolvedLayer last = layers.get(layers.size() - 1);
        if (!givesLogits(a.get())) {
          throw new IllegalArgumentException("softmax cross-entropy needs the net to end with"
              + " softmax() or no activation; layer " + layer.index() + " (" + layer.kind()
              + ") ends with " + a.get().text());
        }
        if (i != layers.size() - 1 && a.get().kind() == Activation.Kind.SOFTMAX) {
          throw new IllegalArgumentException("softmax cross-entropy needs softmax() on the"
              + " last layer; layer " + layer.index() + " (" + layer.kind() + ") applies it"
              + " before layer " + last.index() + " (" + last.kind() + ")");
        }
        return;
      }
      if (layer.spec().layer().mixesUnits()) {
        return;
      }
    }
  }
}
