package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;

/**
 * Layer normalisation over the last axis (Ba, Kiros and Hinton 2016): each position's vector x
 * of d features is normalised by its own mean and variance,
 * <pre>
 *   mu = (1/d) sum_i x_i    sigma^2 = (1/d) sum_i (x_i - mu)^2
 *   y_i = gamma_i (x_i - mu) / sqrt(sigma^2 + epsilon) + beta_i
 * </pre>
 * the same at training and inference (no batch statistics). gamma [d] starts at 1 and beta [d]
 * at 0. Takes any input; on a sequence [steps, d] each step is normalised apart.
 *
 * @param epsilon &gt; 0, added to the variance; default 1e-5 (PyTorch's {@code nn.LayerNorm}
 *     and GPT-2; Keras uses 1e-3)
 */
public record LayerNorm(double epsilon) implements Layer {

  /** The default epsilon added to the variance, as PyTorch. */
  public static final double DEFAULT_EPSILON = 1e-5;

  /** {@code layerNorm([epsilon])}. */
  public static final Signature<LayerNorm> SIGNATURE = Signature.named("layerNorm")
      .optional(Param.number("epsilon").or(DEFAULT_EPSILON))
      .build(v -> new LayerNorm(v.number(0)),
          Signature.writing(LayerNorm.class, l -> List.of(l.epsilon())));

  /** Checks that epsilon is &gt; 0 and finite. */
  public LayerNorm {
    NormEpsilon.check(epsilon);
  }

  @Override public Signature<LayerNorm> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "layer_norm"; }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  /** Gamma and beta. */
  @Override
  public boolean hasParameters() {
    return true;
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    Shape features = Shape.of(input.last());
    return List.of(new ParameterShape(Role.GAMMA, features),
        new ParameterShape(Role.BETA, features));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.layerNorm(this);
  }
}
