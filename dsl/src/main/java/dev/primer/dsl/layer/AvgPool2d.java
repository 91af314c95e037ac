package dev.primer.dsl.layer;

import dev.primer.dsl.base.Signature;

/** Takes the mean of each window, per channel: see {@link Pool2d}. */
public record AvgPool2d(int pool, int stride, Padding padding) implements Pool2d {

  /** {@code avgPool2d(pool[,stride[,valid|same]])}. */
  public static final Signature<AvgPool2d> SIGNATURE =
      Pool2d.signature("avgPool2d", AvgPool2d.class, AvgPool2d::new);

  /** Checks the arguments: pool and stride &gt; 0, a padding given. */
  public AvgPool2d {
    Pool2d.check(pool, stride, padding);
  }

  @Override public Signature<AvgPool2d> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "avg_pool2d"; }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.avgPool2d(this);
  }
}
