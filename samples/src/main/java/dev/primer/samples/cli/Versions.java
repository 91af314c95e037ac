package dev.primer.samples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.TensorFlow;

/** The versions a result was produced with, recorded in every results file. */
final class Versions {
  private Versions() {
    throw new AssertionError("no instances");
  }

  static Map<String, String> all() {
    Map<String, String> versions = new LinkedHashMap<>();
    String primer = Versions.class.getPackage().getImplementationVersion();
    versions.put("primer", primer == null ? "development build" : primer);
    versions.put("java", System.getProperty("java.version"));
    versions.put("tensorflow", TensorFlow.version());
    versions.put("tensorflow_java", "1.0.0");
    return versions;
  }
}
