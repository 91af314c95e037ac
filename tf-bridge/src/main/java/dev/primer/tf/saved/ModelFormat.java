package dev.primer.tf.saved;

/**
 * A format a model is saved in, with the names of its files (relative to the model's directory).
 */
public enum ModelFormat {
  /**
   * Primer's own, written by {@link dev.primer.tf.Model#save}: {@value #SPEC_FILE} (the spec in
   * the text form) and {@value #WEIGHTS_FILE} (every parameter, NumPy-readable). No seed.
   */
  PRIMER,
  /**
   * A TensorFlow SavedModel, written by {@link dev.primer.tf.Model#exportSavedModel}: the
   * inference graph ({@value #SAVED_MODEL_FILE}), the variables' checkpoint
   * ({@value #VARIABLES_INDEX} and its data shards) and, for Primer, the spec and the seed in
   * {@value #SPEC_ASSET} and {@value #SEED_ASSET}. The signature is described by
   * {@link ServingSignature}.
   */
  SAVED_MODEL;

  /** Primer's format: the spec in the text form, one line. */
  public static final String SPEC_FILE = "spec.txt";
  /** Primer's format: every parameter by name ({@code dense_0/kernel}), float32. */
  public static final String WEIGHTS_FILE = "weights.npz";
  /** SavedModel: the graph, its signatures and tags (a {@code SavedModel} protocol buffer). */
  public static final String SAVED_MODEL_FILE = "saved_model.pb";
  /** SavedModel: the index of the variables' checkpoint (prefix {@code variables/variables}). */
  public static final String VARIABLES_INDEX = "variables/variables.index";
  /**
   * SavedModel: the spec's text form. It lives in {@code assets.extra/}, the SavedModel
   * directory for files that travel with a model but that its graph does not read (TensorFlow
   * Serving keeps its warm-up requests there); {@code assets/} is for files the graph reads.
   */
  public static final String SPEC_ASSET = "assets.extra/primer-spec.txt";
  /** SavedModel: the net's seed, in decimal, one line. */
  public static final String SEED_ASSET = "assets.extra/primer-seed.txt";

  /** The format in words, for messages: {@code Primer's format (spec.txt, weights.npz)}. */
  public String words() {
    return switch (this) {
      case PRIMER -> "Primer's format (" + SPEC_FILE + ", " + WEIGHTS_FILE + ")";
      case SAVED_MODEL -> "TensorFlow SavedModel (" + SAVED_MODEL_FILE + ", variables/)";
    };
  }
}
