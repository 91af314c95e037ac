package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * A table of {@code vocab} learned vectors of {@code dim} values, one per token: a sequence of
 * token ids [steps] becomes [steps, dim], row {@code id} of the table E [vocab, dim] at each
 * step. Equal to a dense layer without bias on the one-hot encoding of the ids.
 *
 * <p>The ids come in as the net's input values, which are floating point like every input: each
 * must be a whole number in [0, vocab) (exact in float32 up to 2^24); the graph casts them to
 * integers (a fraction is cut off) and an id out of range fails the run that reads it.
 * {@code dev.primer.tf.data.SequenceTasks} writes its tokens this way.
 *
 * <p>Its table's init is named with {@code init(...)}; AUTO is normal(0, 1) (see
 * {@code dev.primer.dsl.init.Auto}).
 *
 * @param vocab the number of distinct tokens, &gt; 0
 * @param dim the length of each token's vector, &gt; 0
 */
public record Embedding(int vocab, int dim) implements Layer {

  /** {@code embedding(vocab,dim)}. */
  public static final Signature<Embedding> SIGNATURE = Signature.named("embedding")
      .required(Param.integer("vocab"), Param.integer("dim"))
      .build(v -> new Embedding(v.integer(0), v.integer(1)),
          Signature.writing(Embedding.class, e -> List.of(e.vocab(), e.dim())));

  /** Checks that {@code vocab} and {@code dim} are &gt; 0. */
  public Embedding {
    Inputs.requirePositive("vocab", vocab);
    Inputs.requirePositive("dim", dim);
  }

  @Override public Signature<Embedding> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "embedding"; }
  @Override public boolean mixesUnits() { return true; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL); }

  @Override
  public Shape outputShape(Shape input) {
    if (input.rank() != 1) {
      throw new IllegalArgumentException("needs a sequence of token ids [steps], got " + input
          + "; an embedding comes first, on input(steps)");
    }
    return Shape.of(input.dim(0), dim);
  }

  @Override
  public List<ParameterShape> parameters(Shape input) {
    return List.of(new ParameterShape(Role.EMBEDDINGS, Shape.of(vocab, dim)));
  }

  @Override
  public List<Role> chosenBy(Role choice) {
    return choice == Role.KERNEL ? List.of(Role.EMBEDDINGS) : List.of();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.embedding(this);
  }
}
