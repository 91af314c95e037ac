package dev.primer.tf.internal.init;

import static dev.primer.dsl.init.Inits.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code from(path, array)} in a compiled model: values copied bitwise from an {@code .npz} and
 * from a saved model's directory, a recurrent layer's gates included; and the errors for a shape
 * that differs, a missing file and a missing array, raised when the model is compiled.
 */
class PretrainedValuesTest {

  @TempDir
  Path dir;

  /** Random float32 values, awkward ones included (subnormal, -0, huge), so a copy is bitwise. */
  private static float[] values(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (i % 7) {
        case 0 -> Float.MIN_VALUE;
        case 1 -> -0.0f;
        case 2 -> Float.intBitsToFloat(random.nextInt() & 0x7EFFFFFF); // finite, any size
        default -> (float) random.nextGaussian();
      };
    }
    return v;
  }

  @Test
  void valuesAreCopiedBitwiseFromAnNpz() throws IOException {
    float[] kernel = values(5 * 4, 1);
    float[] bias = values(4, 2);
    Path file = dir.resolve("w.npz");
    Npz.write(file, List.of(new NpyArray("k", new int[] {5, 4}, kernel),
        new NpyArray("b", new int[] {4}, bias)));
    NetSpec spec = Net.input(5).dense(4).init(from(file.toString(), "k"))
        .bias(from(file.toString(), "b")).dense(2);
    try (Model model = Model.compile(spec, 3)) {
      Map<String, ParameterValues> w = model.weights();
      assertThat(bits(w.get("dense_0/kernel").values())).isEqualTo(bits(kernel));
      assertThat(bits(w.get("dense_0/bias").values())).isEqualTo(bits(bias));
    }
  }

  @Test
  void aModelSavedOrExportedLoadsAfterTheFileItsFromNamesIsGone() throws IOException {
    Path file = dir.resolve("base.npz");
    float[] kernel = values(20, 5);
    Npz.write(file, List.of(new NpyArray("k", new int[] {5, 4}, kernel)));
    NetSpec spec = Net.input(5).dense(4).init(from(file.toString(), "k")).relu().dense(2);
    float[] x = values(10, 6);
    float[] expected;
    try (Model model = Model.compile(spec, 3)) {
      expected = model.predict(x);
      model.save(dir.resolve("primer"));
      model.exportSavedModel(dir.resolve("served"));
    }
    Files.delete(file);
    // compiling needs the file; loading sets every weight, so it does not
    assertThatThrownBy(() -> Model.compile(spec, 3)).hasMessageContaining("no file");
    for (String saved : List.of("primer", "served")) {
      try (Model loaded = Model.load(dir.resolve(saved), dev.primer.tf.Device.CPU)) {
        assertThat(loaded.predict(x)).as(saved).isEqualTo(expected);
        assertThat(loaded.weights().get("dense_0/kernel").values()).isEqualTo(kernel);
      }
    }
  }

  @Test
  void aSavedModelsDirectoryAndItsGatesReadBackBitwise() throws IOException {
    NetSpec trained = Net.input(3, 2).lstm(4).dense(2).softmax();
    Map<String, ParameterValues> saved;
    Path base = dir.resolve("base");
    try (Model model = Model.compile(trained, 5)) {
      saved = model.weights();
      model.save(base);
    }
    NetSpec transfer = trained.firstLayers(1).frozenFrom(base.toString())
        .then(Net.dense(3).softmax());
    try (Model model = Model.compile(transfer, 99)) {
      Map<String, ParameterValues> w = model.weights();
      for (String name : List.of("lstm_0/kernel", "lstm_0/recurrent_kernel", "lstm_0/bias")) {
        assertThat(bits(w.get(name).values())).as(name).isEqualTo(bits(saved.get(name).values()));
      }
    }
  }

  @Test
  void aSavedResidualBodyWithARepeatLoadsBitwiseUnderANewHead() throws IOException {
    NetSpec trained = Net.input(6).dense(8).relu()
        .repeat(2, Net.block().residual(Net.block().dense(8).relu().dense(8)).relu())
        .dense(2).softmax();
    Map<String, ParameterValues> saved;
    Path base = dir.resolve("residual");
    try (Model model = Model.compile(trained, 7)) {
      saved = model.weights();
      model.save(base);
    }
    NetSpec transfer = trained.firstLayers(2).frozenFrom(base.toString())
        .then(Net.dense(3).softmax());
    try (Model model = Model.compile(transfer, 99)) {
      Map<String, ParameterValues> w = model.weights();
      List<String> body = List.of("dense_0/kernel", "dense_0/bias", "block_0/dense_0/kernel",
          "block_0/dense_1/bias", "block_1/dense_0/kernel", "block_1/dense_1/kernel");
      for (String name : body) {
        assertThat(bits(w.get(name).values())).as(name).isEqualTo(bits(saved.get(name).values()));
      }
      // the two copies of the block took arrays of their own, which differ
      assertThat(bits(w.get("block_0/dense_0/kernel").values()))
          .isNotEqualTo(bits(w.get("block_1/dense_0/kernel").values()));
      assertThat(w.get("dense_1/kernel").values()).hasSize(8 * 3);
    }
  }

  @Test
  void aShapeThatDiffersIsRefusedNamingEverything() throws IOException {
    Path file = dir.resolve("w.npz");
    Npz.write(file, List.of(new NpyArray("dense_0/kernel", new int[] {5, 3}, values(15, 3))));
    NetSpec spec = Net.input(7).dense(2).relu().dense(4)
        .init(from(file.toString(), "dense_0/kernel"));
    assertThatThrownBy(() -> Model.compile(spec, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer 1 (dense): kernel [2, 4] cannot take array 'dense_0/kernel' of "
            + file + ": its shape is [5, 3]");
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    Path missing = dir.resolve("nowhere.npz");
    NetSpec spec = Net.input(3).dense(2).init(from(missing.toString(), "dense_0/kernel"));
    assertThatThrownBy(() -> Model.compile(spec, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer 0 (dense): kernel from(\"" + missing + "\",\"dense_0/kernel\"): no file "
            + missing + " (looked for " + missing.toAbsolutePath().normalize() + ")");
    NetSpec emptyDir = Net.input(3).dense(2).init(from(dir.toString(), "dense_0/kernel"));
    assertThatThrownBy(() -> Model.compile(emptyDir, 1))
        .hasMessageContaining(": no file " + dir.resolve("weights.npz")
            + " (the directory holds no saved model)");
  }

  @Test
  void aMissingArrayIsRefusedWithTheClosestName() throws IOException {
    Path file = dir.resolve("w.npz");
    Npz.write(file, List.of(new NpyArray("dense_0/kernel", new int[] {3, 2}, values(6, 4)),
        new NpyArray("dense_0/bias", new int[] {2}, values(2, 5))));
    NetSpec spec = Net.input(3).dense(2).bias(from(file.toString(), "dense_0/bais"));
    assertThatThrownBy(() -> Model.compile(spec, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer 0 (dense): bias from(\"" + file + "\",\"dense_0/bais\"): " + file
            + " has no array 'dense_0/bais'; did you mean 'dense_0/bias'?"
            + " (it has dense_0/kernel, dense_0/bias)");
  }

  @Test
  void anUnreadableFileIsRefusedNamingIt() throws IOException {
    Path file = dir.resolve("broken.npz");
    Files.writeString(file, "not a zip");
    NetSpec spec = Net.input(3).dense(2).init(from(file.toString(), "k"));
    assertThatThrownBy(() -> Model.compile(spec, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("layer 0 (dense): kernel from(\"" + file + "\",\"k\"): ");
  }

  private static int[] bits(float[] v) {
    int[] b = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Float.floatToRawIntBits(v[i]);
    }
    return b;
  }
}
