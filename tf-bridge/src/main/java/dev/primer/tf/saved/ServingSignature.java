package dev.primer.tf.saved;

import java.util.List;

/**
 * The signature a SavedModel offers under {@link #KEY} for the tag {@link #TAG}: what a server or
 * a program feeds and fetches. Primer's export has one input, {@link #INPUT} (float32, shape
 * {@code [-1, ...example shape]}: any batch size), and one output, {@link #OUTPUT} (float32,
 * {@code [-1, ...output shape]}: the net's output at inference — probabilities for a net that
 * ends in softmax; dropout off, batch norm with its moving statistics).
 *
 * @param key the signature's key, {@link #KEY} for Primer's export
 * @param method its method name, {@link #PREDICT_METHOD} for Primer's export
 * @param inputs the tensors it is fed, by their signature names
 * @param outputs the tensors it returns, by their signature names
 */
public record ServingSignature(String key, String method, List<SignatureTensor> inputs,
    List<SignatureTensor> outputs) {
  /** The tag of the graph to serve, TensorFlow's {@code "serve"}. */
  public static final String TAG = "serve";
  /** The default signature's key, which TensorFlow Serving and Python use: {@code serving_default}. */
  public static final String KEY = "serving_default";
  /** The method name of a prediction signature, as TensorFlow Serving expects it. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";
  /** The signature name of the input: a batch of examples. */
  public static final String INPUT = "input";
  /** The signature name of the output: the net's output for each example. */
  public static final String OUTPUT = "output";

  /** Copies the lists. */
  public ServingSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
