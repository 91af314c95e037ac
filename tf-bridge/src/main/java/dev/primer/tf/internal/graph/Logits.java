package dev.primer.tf.internal.graph;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which value of a net is its logits, the input of softmax and
 * binary cross-entropy: a layer's value before its softmax or sigmoid, or its output when it has
 * no activation (or the linear one). The forward pass takes its logits from {@link #of},
 * training and evaluation refuse a net that does not end as its loss needs ({@link
 * #checkEndsInLogits}, {@link #checkEndsInSigmoidLogits}), the diagnosis chooses its loss by
 * {@link #lastLayerGivesLogits}.
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

  /** A layer's logits: its value before a softmax or sigmoid, else its output. */
  public static <T> T of(Optional<Activation> activation, T preActivation, T output) {
    return activation.filter(a -> a.kind() == Activation.Kind.SOFTMAX
        || a.kind() == Activation.Kind.SIGMOID).isPresent() ? preActivation : output;
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
    checkEndsIn(net, "softmax cross-entropy", Activation.Kind.SOFTMAX, "softmax()");
  }

  /**
   * Binary cross-entropy is computed from logits: the net must end with sigmoid() (whose input
   * is the logits) or with a layer that has no activation (its output taken as the logits).
   * As for {@link #checkEndsInLogits}, a sigmoid followed by layers that do not mix units is
   * refused.
   *
   * @throws IllegalArgumentException naming the layer that breaks the rule
   */
  public static void checkEndsInSigmoidLogits(ResolvedNet net) {
    checkEndsIn(net, "binary cross-entropy", Activation.Kind.SIGMOID, "sigmoid()");
  }

  private static void checkEndsIn(ResolvedNet net, String loss, Activation.Kind kind,
      String text) {
    List<ResolvedLayer> layers = net.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      ResolvedLayer layer = layers.get(i);
      Optional<Activation> a = layer.spec().activation();
      if (a.isPresent()) {
        ResolvedLayer last = layers.get(layers.size() - 1);
        Activation.Kind found = a.get().kind();
        if (found != kind && found != Activation.Kind.LINEAR) {
          throw new IllegalArgumentException(loss + " needs the net to end with " + text
              + " or no activation; layer " + layer.index() + " (" + layer.kind()
              + ") ends with " + a.get().text());
        }
        if (i != layers.size() - 1 && found == kind) {
          throw new IllegalArgumentException(loss + " needs " + text + " on the"
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
