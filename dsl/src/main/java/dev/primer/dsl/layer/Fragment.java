package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import java.util.List;

/**
 * A chain of layers without an input shape: the block of a {@link Residual} or a {@link Repeat}.
 * Its {@link #toString()} is its text form, {@code dense(256).relu().dense(256)}, as it appears
 * inside {@code residual(...)}.
 *
 * @param layers the block's layers, in order; at least one
 */
public record Fragment(List<LayerSpec> layers) {

  /** Copies {@code layers}; checks there is at least one. */
  public Fragment {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("the block has no layers; give it at least one, such as"
          + " dense(256).relu().dense(256)");
    }
  }

  /**
   * The shape of one example after the block's layers, when {@code input} enters it.
   *
   * @throws IllegalArgumentException naming the block's layer (index and kind) and the rule
   */
  public Shape outputShape(Shape input) {
    Shape shape = input;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i).layer();
      try {
        shape = layer.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "block layer " + i + " (" + layer.kind() + "): " + e.getMessage(), e);
      }
    }
    return shape;
  }

  /** The text form of the layers. */
  @Override
  public String toString() {
    return LayerText.of(layers);
  }
}
