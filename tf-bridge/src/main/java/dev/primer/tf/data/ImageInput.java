package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.layer.AvgPool2d;
import dev.primer.dsl.layer.Conv2d;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.MaxPool2d;
import dev.primer.dsl.layer.Recurrent;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.spec.NetSpec;

/**
 * Which input shape a net wants from images of {@code rows x cols} grey pixels, when its spec
 * does not say: the one rule the {@code primer} commands and a Java program share.
 * <pre>
 *   MnistSplit mnist = EmbeddedMnist.load();
 *   NetSpec net = ImageInput.withImageInput(Net.parse("conv2d(32,5).relu().flatten().dense(10).softmax()"),
 *       mnist.train());                                        // input(28,28,1)
 *   Dataset train = new ImageDataset(mnist.train(), net.input().orElseThrow(), 10);
 * </pre>
 */
public final class ImageInput {
  private ImageInput() {
    throw new AssertionError("no instances");
  }

  /**
   * The shape an example of {@code spec} takes from one image: {@code [rows, cols, 1]} (one
   * channel) if the first layer is a convolution or pooling, {@code [rows, cols]} (rows as time
   * steps) if it is a recurrent layer, else {@code [rows * cols]} (the flattened image). A
   * residual or repeat counts as its block's first layer.
   */
  public static Shape shapeFor(NetSpec spec, int rows, int cols) {
    Layer first = spec.layers().isEmpty() ? null : spec.layers().get(0).layer();
    // a net that starts with a block starts with the block's first layer
    while (first instanceof Residual || first instanceof Repeat) {
      first = (first instanceof Residual r ? r.block() : ((Repeat) first).block())
          .layers().get(0).layer();
    }
    return first instanceof Conv2d || first instanceof MaxPool2d || first instanceof AvgPool2d
        ? Shape.of(rows, cols, 1)
        : first instanceof Recurrent ? Shape.of(rows, cols)
        : Shape.of(rows * cols);
  }

  /**
   * {@code spec} unchanged if it has an input shape, else with {@link #shapeFor the shape} it
   * takes from {@code rows x cols} images.
   */
  public static NetSpec withImageInput(NetSpec spec, int rows, int cols) {
    return spec.input().isPresent() ? spec : spec.withInput(shapeFor(spec, rows, cols));
  }

  /** {@link #withImageInput(NetSpec, int, int)} for the size of {@code images}. */
  public static NetSpec withImageInput(NetSpec spec, LabeledImages images) {
    return withImageInput(spec, images.rows(), images.cols());
  }
}
