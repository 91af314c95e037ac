package dev.primer.dsl.layer;

/** Which positions a self-attention layer's queries may attend to. */
public enum AttentionMask {
  /** Every position of the sequence (an encoder's attention). */
  FULL,
  /**
   * Positions up to and including the query's own (a decoder's attention): position t never
   * sees t + 1, ..., so a model can be trained to predict each next token at once.
   */
  CAUSAL
}
