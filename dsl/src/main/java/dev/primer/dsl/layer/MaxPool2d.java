package dev.primer.dsl.layer;

import dev.primer.dsl.base.Signature;

/** Takes the maximum of each window, per channel: see {@link Pool2d}. */
public record MaxPool2d(int pool, int stride, Padding padding) implements Pool2d {

  /** {@code maxPool2d(pool[,stride[,valid|same]])}. */
  public static final Signature<MaxPool2d> SIGNATURE =
      Pool2d.signature("maxPool2d", MaxPool2d.class, MaxPool2d::new);

  /** Checks the arguments: pool and stride &gt; 0, a padding given. */
  public MaxPool2d {
    Pool2d.check(pool, stride, padding);
  }

  @Override public Signature<MaxPool2d> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "max_pool2d"; }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.maxPool2d(this);
  }
}
