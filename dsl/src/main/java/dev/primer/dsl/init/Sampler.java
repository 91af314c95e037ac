package dev.primer.dsl.init;

/**
 * An initializer that says exactly how to produce the values, given only the block's shape.
 * The closed set the TensorFlow bridge implements; a {@link Visitor} makes that mapping
 * exhaustive, so a new sampler cannot be forgotten there.
 */
public sealed interface Sampler extends Init
    permits Constant, Normal, TruncatedNormal, Uniform, UniformSum, Orthogonal, Identity,
        DeltaOrthogonal, Sparse, Pretrained {

  <R> R accept(Visitor<R> visitor);

  @Override
  default <R> R accept(Init.Visitor<R> visitor) {
    return accept((Visitor<R>) visitor);
  }

  /** One method per sampler. */
  interface Visitor<R> {
    R constant(Constant c);

    R normal(Normal n);

    R truncatedNormal(TruncatedNormal t);

    R uniform(Uniform u);

    R uniformSum(UniformSum u);

    R orthogonal(Orthogonal o);

    R identity(Identity i);

    R deltaOrthogonal(DeltaOrthogonal d);

    R sparse(Sparse s);

    R pretrained(Pretrained p);
  }
}
