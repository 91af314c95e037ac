package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;

/**
 * Batch normalisation over the last axis (Ioffe and Szegedy 2015):
 * y = gamma * (x - mean) / sqrt(var + epsilon) + beta, with the batch's mean and variance while
 * training and the moving averages at inference, updated as
 * moving = momentum * moving + (1 - momentum) * batch. A frozen batch norm ({@code frozen()})
 * keeps gamma and beta and, as in Keras, uses its moving averages while training too and never
 * updates them.
 *
 * @param momentum in [0, 1); default 0.99 (Keras)
 * @param epsilon &gt; 0; default 0.001 (Keras)
 */
public record BatchNorm(double momentum, double epsilon) implements Layer {

  /** The default momentum of the moving mean and variance, as Keras. */
  public static final double DEFAULT_MOMENTUM = 0.99;
  /** The default epsilon added to the variance, as Keras. */
  public static final double DEFAULT_EPSILON = 1e-3;

  /** {@code batchNorm([momentum,epsilon])}: both or neither. */
  public static final Signature<BatchNorm> SIGNATURE = Signature.named("batchNorm")
      .optional(Param.number("momentum").or(DEFAULT_MOMENTUM),
          Param.number("epsilon").or(DEFAULT_EPSILON))
      .build(v -> new BatchNorm(v.number(0), v.number(1)),
          Signature.writing(BatchNorm.class, b -> List.of(b.momentum(), b.epsilon())));

  /** Checks the arguments: momentum in [0, 1), epsilon &gt; 0 and finite. */
  public BatchNorm {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    NormEpsilon.check(epsilon);
  }

  @Override public Signature<BatchNorm> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "batch_norm"; }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  /** Gamma, beta and the moving statistics: batch norm can be frozen. */
  @Override
  public boolean hasParameters() {
    return true;
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    Shape channels = Shape.of(input.last());
    return List.of(
        new ParameterShape(Role.GAMMA, channels),
        new ParameterShape(Role.BETA, channels),
        new ParameterShape(Role.MOVING_MEAN, channels),
        new ParameterShape(Role.MOVING_VARIANCE, channels));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.batchNorm(this);
  }
}
