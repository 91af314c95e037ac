package dev.primer.tf.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An init scheme of a {@link TransformerInits} comparison, with the net variant it is meant for.
 * A scheme built to replace layer normalization (ReZero, T-Fixup) trains the net without it;
 * the others train the same post-LN net (Vaswani et al. 2017: {@code LN(x + f(x))} after each
 * branch), which differs between them only in its initial weights.
 */
public enum TransformerScheme {
  /**
   * The default: every weight AUTO, which for dense kernels and attention's four projections is
   * Xavier (Glorot) uniform, U(-l, l) with l = sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio
   * 2010); post-LN net.
   */
  XAVIER("xavier"),
  /**
   * Mimetic attention init (Trockman and Kolter 2023, "Mimetic Initialization of
   * Self-Attention Layers"): W_q W_k^T ≈ αI and W_v W_o ≈ −βI, so that attention starts out
   * looking at a token's own position and its neighbours, as trained attention maps do; the
   * other weights as {@link #XAVIER}; post-LN net.
   */
  MIMETIC("mimetic"),
  /**
   * ReZero (Bachlechner et al. 2020, "ReZero is All You Need"): x + α f(x) with a learned
   * scalar α per branch that starts at 0, and no layer normalization; every block starts as
   * the identity. The weights as {@link #XAVIER}.
   */
  REZERO("rezero"),
  /**
   * T-Fixup (Huang et al. 2020, "Improving Transformer Optimization Through Better
   * Initialization"), {@link dev.primer.dsl.init.TFixup} for an encoder: no layer
   * normalization; Xavier, with the value and output projections and the MLP weights scaled
   * by 0.67 N^(-1/4) and the embeddings drawn N(0, (9N)^(-1/2) / d) for N blocks.
   */
  T_FIXUP("t_fixup"),
  /**
   * GPT-2's scaled init (Radford et al. 2019), {@link dev.primer.dsl.init.Gpt2}: every weight
   * N(0, 0.02²), each branch's output projection scaled by 1/sqrt(L) for L = 2N branches;
   * post-LN net (GPT-2 itself is pre-LN: here only the init is GPT-2's).
   */
  GPT2("gpt2");

  private final String text;

  TransformerScheme(String text) {
    this.text = text;
  }

  /** The name in options, tables and files: {@code xavier}, {@code rezero}. */
  public String text() {
    return text;
  }

  /** Whether the scheme's net keeps layer normalization after each branch (post-LN). */
  public boolean layerNorm() {
    return switch (this) {
      case XAVIER, MIMETIC, GPT2 -> true;
      case REZERO, T_FIXUP -> false;
    };
  }

  /**
   * The net variant in words, for tables and files: {@code post-LN}, or {@code no LN, branch
   * scales 0}.
   */
  public String variant() {
    return switch (this) {
      case XAVIER, MIMETIC, GPT2 -> "post-LN";
      case REZERO -> "no LN, branch scales 0";
      case T_FIXUP -> "no LN";
    };
  }

  /**
   * The scheme named {@code text}.
   *
   * @throws IllegalArgumentException naming the text and the schemes known
   */
  public static TransformerScheme named(String text) {
    for (TransformerScheme s : values()) {
      if (s.text.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown transformer scheme '" + text + "'; known: "
        + String.join(", ", Arrays.stream(values()).map(TransformerScheme::text).toList()));
  }

  /** Every scheme, in declaration order. */
  public static List<TransformerScheme> all() {
    return List.of(values());
  }
}
