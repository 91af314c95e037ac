package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * Multi-head self-attention (Vaswani et al. 2017, section 3.2) over a sequence X [T, d], with
 * h = {@code heads} heads of k = {@code keyDim} values each (D = h k):
 * <pre>
 *   Q = X W_q + b_q,  K = X W_k + b_k,  V = X W_v + b_v      W_q, W_k, W_v [d, D]; split into h
 *                                                            heads of [T, k]
 *   A_j = softmax(Q_j K_j^T / sqrt(k) + M)                   [T, T] per head j, softmax per row
 *   Y = concat_j(A_j V_j) W_o + b_o                          W_o [D, d]: output [T, d]
 * </pre>
 * M is 0 everywhere, or with {@link AttentionMask#CAUSAL} -infinity above the diagonal (in
 * practice -1e9, so a row's softmax gives those positions weight 0). The output has the input's
 * shape, so the layer stacks and fits in a residual branch.
 *
 * <p>Its eight parameters are named {@code query_kernel}, {@code query_bias}, {@code key_kernel},
 * ... {@code output_bias}; {@code init(...)} names the init of the four kernels and
 * {@code bias(...)} that of the four biases. AUTO: glorot_uniform and zeros;
 * {@code mimetic(...)} (Trockman and Kolter 2023) fills the four kernels together.
 *
 * @param heads h, &gt; 0
 * @param keyDim k, the size of each head's queries, keys and values, &gt; 0
 * @param mask which positions each query sees
 */
public record MultiHeadAttention(int heads, int keyDim, AttentionMask mask) implements Layer {

  /** {@code multiHeadAttention(heads,keyDim[,full|causal])}: full by default. */
  public static final Signature<MultiHeadAttention> SIGNATURE =
      Signature.named("multiHeadAttention")
          .required(Param.integer("heads"), Param.integer("keyDim"))
          .optional(Param.choice("mask", AttentionMask.class).or(AttentionMask.FULL))
          .build(v -> new MultiHeadAttention(v.integer(0), v.integer(1),
                  v.get(2, AttentionMask.class)),
              Signature.writing(MultiHeadAttention.class,
                  a -> List.of(a.heads(), a.keyDim(), a.mask())));

  private static final List<Role> KERNELS =
      List.of(Role.QUERY_KERNEL, Role.KEY_KERNEL, Role.VALUE_KERNEL, Role.OUTPUT_KERNEL);
  private static final List<Role> BIASES =
      List.of(Role.QUERY_BIAS, Role.KEY_BIAS, Role.VALUE_BIAS, Role.OUTPUT_BIAS);

  /** Checks that {@code heads} and {@code keyDim} are &gt; 0 and a mask is given. */
  public MultiHeadAttention {
    Inputs.requirePositive("heads", heads);
    Inputs.requirePositive("keyDim", keyDim);
    if (mask == null) {
      throw new IllegalArgumentException("mask must be full or causal, got null");
    }
  }

  /** D = heads * keyDim, the width of the queries, keys and values of all heads together. */
  public int width() {
    return Math.multiplyExact(heads, keyDim);
  }

  @Override public Signature<MultiHeadAttention> signature() { return SIGNATURE; }
  @Override public String nameStem() { return "multi_head_attention"; }
  @Override public boolean mixesUnits() { return true; }
  @Override public Set<Role> initializable() { return Set.of(Role.KERNEL, Role.BIAS); }

  @Override
  public Shape outputShape(Shape input) {
    Inputs.requireSequence(input);
    return input;
  }

  /** Query, key, value and output kernels and biases, each kernel before its bias. */
  @Override
  public List<ParameterShape> parameters(Shape input) {
    int d = input.last();
    int w = width();
    return List.of(
        new ParameterShape(Role.QUERY_KERNEL, Shape.of(d, w)),
        new ParameterShape(Role.QUERY_BIAS, Shape.of(w)),
        new ParameterShape(Role.KEY_KERNEL, Shape.of(d, w)),
        new ParameterShape(Role.KEY_BIAS, Shape.of(w)),
        new ParameterShape(Role.VALUE_KERNEL, Shape.of(d, w)),
        new ParameterShape(Role.VALUE_BIAS, Shape.of(w)),
        new ParameterShape(Role.OUTPUT_KERNEL, Shape.of(w, d)),
        new ParameterShape(Role.OUTPUT_BIAS, Shape.of(d)));
  }

  @Override
  public List<Role> chosenBy(Role choice) {
    return choice == Role.KERNEL ? KERNELS : choice == Role.BIAS ? BIASES : List.of();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.multiHeadAttention(this);
  }
}
