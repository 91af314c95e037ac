package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import java.util.List;

/**
 * A block written once and applied {@code times} times in a row:
 * {@code repeat(50, residual(dense(256).relu().dense(256)))} is 50 residual blocks. Kept as
 * written in the spec (so the text form stays one line); resolution expands it into its copies,
 * each with parameters of its own, named as if written out: the copies' residuals are
 * {@code block_k}, {@code block_k+1}, ...; the copies' plain layers continue their kind's count
 * ({@code dense_3}, {@code dense_4}, ...). Each copy takes the shape the one before it leaves.
 *
 * @param times how many copies, at least 1
 * @param block what is repeated
 */
public record Repeat(int times, Fragment block) implements Layer {

  /** {@code repeat(times, block)}. */
  public static final Signature<Repeat> SIGNATURE = Signature.named("repeat")
      .required(Param.integer("times"), Param.any("block"))
      .build(v -> new Repeat(v.integer(0), v.get(1, Fragment.class)),
          Signature.writing(Repeat.class, r -> List.of(r.times(), r.block())));

  /** Checks that {@code times} is &gt; 0. */
  public Repeat {
    Inputs.requirePositive("times", times);
    java.util.Objects.requireNonNull(block, "block");
  }

  @Override public Signature<Repeat> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "repeat"; }
  @Override public boolean mixesUnits() { return true; }

  /** The block applied {@code times} times in a row, as resolution writes the copies out. */
  @Override
  public Shape outputShape(Shape input) {
    Shape shape = input;
    for (int copy = 0; copy < times; copy++) {
      try {
        shape = block.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("copy " + copy + ": " + e.getMessage(), e);
      }
    }
    return shape;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.repeat(this);
  }
}
