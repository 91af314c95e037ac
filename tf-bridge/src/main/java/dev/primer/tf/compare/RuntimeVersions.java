package dev.primer.tf.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.TensorFlow;

/**
 * The versions of the software a result is produced with, to record beside the result: Java,
 * the TensorFlow native library and TensorFlow Java.
 */
public final class RuntimeVersions {
  private RuntimeVersions() {
    throw new AssertionError("no instances");
  }

  /** The TensorFlow Java release this library is built against. */
  public static final String TENSORFLOW_JAVA = "1.0.0";

  /**
   * {@code java}, {@code tensorflow} (the native library's version; loads it) and
   * {@code tensorflow_java}, in that order.
   */
  public static Map<String, String> current() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("java", System.getProperty("java.version"));
    versions.put("tensorflow", TensorFlow.version());
    versions.put("tensorflow_java", TENSORFLOW_JAVA);
    return versions;
  }
}
