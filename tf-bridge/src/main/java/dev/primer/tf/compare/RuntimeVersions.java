package dev.primer.tf.compare;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.tensorflow.TensorFlow;

/**
 * The versions of the software a result is produced with, to record beside the result: Java,
 * the TensorFlow native library and TensorFlow Java.
 */
public final class RuntimeVersions {
  private RuntimeVersions() {
    throw new AssertionError("no instances");
  }

  /**
   * The TensorFlow Java release on the classpath ({@code 1.1.0}), read from the Maven metadata in
   * its {@code tensorflow-core-api} jar, so that it follows the version the build chose; "unknown"
   * where that jar carries none (a repackaged jar).
   */
  public static final String TENSORFLOW_JAVA = tensorflowJavaVersion();

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

  private static String tensorflowJavaVersion() {
    // a class literal does not initialize TensorFlow, so the native library is not loaded here
    try (InputStream in = TensorFlow.class.getResourceAsStream(
        "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
