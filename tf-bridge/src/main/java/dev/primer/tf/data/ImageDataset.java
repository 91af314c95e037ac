package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.Dataset;

/**
 * Labelled images seen as a training {@link Dataset}: pixels in [0, 1] in the shape a net takes
 * ({@code [784]}, {@code [28, 28, 1]} or {@code [28, 28]}), one-hot targets over the classes.
 * Reads straight from the images; nothing is copied up front.
 */
public final class ImageDataset implements Dataset {
  private final LabeledImages images;
  private final Shape exampleShape;
  private final int classes;

  /**
   * @throws IllegalArgumentException if {@code exampleShape} does not hold exactly one image
   */
  public ImageDataset(LabeledImages images, Shape exampleShape, int classes) {
    if (exampleShape.size() != images.pixelsPerImage()) {
      throw new IllegalArgumentException("an example of shape " + exampleShape + " holds "
          + exampleShape.size() + " values, but the images have " + images.rows() + "x"
          + images.cols() + " = " + images.pixelsPerImage() + " pixels");
    }
    this.images = images;
    this.exampleShape = exampleShape;
    this.classes = classes;
  }

  @Override
  public int size() {
    return images.count();
  }

  @Override
  public Shape exampleShape() {
    return exampleShape;
  }

  @Override
  public int targetWidth() {
    return classes;
  }

  @Override
  public void read(int from, int count, float[] features, int featuresOffset, float[] targets,
      int targetsOffset) {
    images.copyPixels(from, count, features, featuresOffset);
    java.util.Arrays.fill(targets, targetsOffset, targetsOffset + count * classes, 0f);
    for (int i = 0; i < count; i++) {
      targets[targetsOffset + i * classes + images.label(from + i)] = 1f;
    }
  }
}
