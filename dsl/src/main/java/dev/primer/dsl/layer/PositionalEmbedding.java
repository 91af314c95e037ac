package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * Learned positional embedding: a parameter P [steps, dim] added to a sequence [steps, dim],
 * y_t = x_t + P_t, so each position has a vector of its own (BERT, GPT-2). Its init is named with
 * {@code init(...)}; AUTO is normal(0, sqrt(1/2)) (see {@code dev.primer.dsl.init.Auto}). For
 * the fixed encoding of Vaswani et al. see {@link SinusoidalPosition}.
 */
public record PositionalEmbedding() implements Layer {

  /** {@code positionalEmbedding()}. */
  public static final Signature<PositionalEmbedding> SIGNATURE =
      Signature.named("positionalEmbedding").build(v -> new PositionalEmbedding(),
          Signature.writing(PositionalEmbedding.class, p -> List.of()));

  @Override public Signature<PositionalEmbedding> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "positional_embedding"; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL); }

  @Override
  public Shape outputShape(Shape input) {
    Inputs.requireSequence(input);
    return input;
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    return List.of(new ParameterShape(Role.POSITION_EMBEDDINGS, input));
  }

  @Override
  public List<Role> chosenBy(Role choice) {
    return choice == Role.KERNEL ? List.of(Role.POSITION_EMBEDDINGS) : List.of();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.positionalEmbedding(this);
  }
}
