package dev.primer.tf.saved;

import dev.primer.tf.Device;
import dev.primer.tf.Model;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The child JVM of {@link SavedModelExportTest}: loads a SavedModel two ways and writes the
 * predictions of each for the examples in a file. Arguments: the SavedModel directory, the
 * examples file, the output directory; it writes {@code model.bin} ({@link Model#load}, then
 * {@link Model#predict}) and {@code bundle.bin} (TensorFlow Java alone: {@code
 * SavedModelBundle.load(dir, "serve")} and its {@code serving_default} function). Files hold an
 * int count, then that many floats (big-endian).
 */
public final class PredictInNewJvm {
  private PredictInNewJvm() {}

  /** Runs this class in a new JVM with the test class path; fails if it does not exit with 0. */
  static void run(Path savedModel, Path examples, Path out) throws IOException,
      InterruptedException {
    Path log = out.resolve("child.log");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), PredictInNewJvm.class.getName(),
        savedModel.toString(), examples.toString(), out.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!child.waitFor(5, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new AssertionError("the child JVM did not end; its output:\n" + Files.readString(log));
    }
    if (child.exitValue() != 0) {
      throw new AssertionError("the child JVM exited with " + child.exitValue()
          + "; its output:\n" + Files.readString(log));
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    float[] x = readFloats(Path.of(args[1]));
    Path out = Path.of(args[2]);
    try (Model model = Model.load(dir, Device.CPU)) {
      writeFloats(out.resolve("model.bin"), model.predict(x));
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve")) {
      // the example shape from the signature's input: [-1, d1, d2, ...]
      long[] dims = bundle.function("serving_default").signature().getInputs().get("input")
          .shape.asArray();
      long exampleSize = 1;
      for (int i = 1; i < dims.length; i++) {
        exampleSize *= dims[i];
      }
      dims[0] = x.length / exampleSize;
      try (TFloat32 input = TFloat32.tensorOf(Shape.of(dims), DataBuffers.of(x, true, false));
           Result r = bundle.function("serving_default").call(Map.<String, Tensor>of("input",
               input))) {
        TFloat32 output = (TFloat32) r.get("output").orElseThrow();
        float[] y = new float[Math.toIntExact(output.size())];
        output.copyTo(DataBuffers.of(y, false, false));
        writeFloats(out.resolve("bundle.bin"), y);
      }
    }
  }

  static void writeFloats(Path file, float[] values) throws IOException {
    try (OutputStream o = Files.newOutputStream(file);
         DataOutputStream d = new DataOutputStream(o)) {
      d.writeInt(values.length);
      for (float v : values) {
        d.writeFloat(v);
      }
    }
  }

  static float[] readFloats(Path file) throws IOException {
    try (InputStream i = Files.newInputStream(file);
         DataInputStream d = new DataInputStream(i)) {
      float[] values = new float[d.readInt()];
      for (int k = 0; k < values.length; k++) {
        values[k] = d.readFloat();
      }
      return values;
    }
  }
}
