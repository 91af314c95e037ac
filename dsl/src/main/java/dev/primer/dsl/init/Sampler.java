package dev.primer.dsl.init;

/**
 * An initializer that says exactly how to produce the values, given only the block's shape.
 * The closed set the TensorFlow bridge implements; a {@link Visitor} makes that mapping
 * exhaustive, so a new sampler cannot be forgotten there.
 */
public sealed interface Sampler extends Init
    permits Constant, Normal, TruncatedNormal, Uniform, UniformSum, Orthogonal, Identity,
        DeltaOrthogonal, Sparse, Pretrained, Mimetic, Hadamard {

  /** Calls the visitor's method for this sampler. */
  <R> R accept(Visitor<R> visitor);

  @Override
  default <R> R accept(Init.Visitor<R> visitor) {
    return accept((Visitor<R>) visitor);
  }

  /** One method per sampler. */
  interface Visitor<R> {
    /** Visits a {@link Constant}. */
    R constant(Constant c);

    /** Visits a {@link Normal}. */
    R normal(Normal n);

    /** Visits a {@link TruncatedNormal}. */
    R truncatedNormal(TruncatedNormal t);

    /** Visits a {@link Uniform}. */
    R uniform(Uniform u);

    /** Visits a {@link UniformSum}. */
    R uniformSum(UniformSum u);

    /** Visits an {@link Orthogonal}. */
    R orthogonal(Orthogonal o);

    /** Visits an {@link Identity}. */
    R identity(Identity i);

    /** Visits a {@link DeltaOrthogonal}. */
    R deltaOrthogonal(DeltaOrthogonal d);

    /** Visits a {@link Sparse}. */
    R sparse(Sparse s);

    /** Visits a {@link Pretrained}. */
    R pretrained(Pretrained p);

    /** Visits a {@link Mimetic}: attention's four projections drawn together. */
    R mimetic(Mimetic m);

    /** Visits a {@link Hadamard}. */
    R hadamard(Hadamard h);
  }
}
