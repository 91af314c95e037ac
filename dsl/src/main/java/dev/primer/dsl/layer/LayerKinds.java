package dev.primer.dsl.layer;

import dev.primer.dsl.base.Signature;
import java.util.List;

/**
 * Every layer kind's {@link Signature}, in the order the parser lists them: the one table a new
 * layer kind is added to (besides its record, its {@link Layer.Visitor} method and its step in
 * {@code NetSpec}).
 */
public final class LayerKinds {
  private LayerKinds() {
    throw new AssertionError("no instances");
  }

  /**
   * dense, conv2d, maxPool2d, avgPool2d, flatten, reshape, dropout, batchNorm, the recurrent,
   * residual and repeat (whose block argument the parser reads as a chain).
   */
  public static final List<Signature<? extends Layer>> ALL = List.of(
      Dense.SIGNATURE, Conv2d.SIGNATURE, MaxPool2d.SIGNATURE, AvgPool2d.SIGNATURE,
      Flatten.SIGNATURE, Reshape.SIGNATURE, Dropout.SIGNATURE, BatchNorm.SIGNATURE,
      SimpleRnn.SIGNATURE, Lstm.SIGNATURE, Gru.SIGNATURE, Residual.SIGNATURE, Repeat.SIGNATURE);
}
