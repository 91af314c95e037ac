package dev.primer.tf.saved;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * {@link Model#exportSavedModel} and {@link Model#load} of the export: a trained net with
 * convolution, batch norm and dropout, so that inference mode and the moving statistics matter.
 */
class SavedModelExportTest {
  static final NetSpec SPEC = Net.input(8, 8, 1).conv2d(4, 3).relu().batchNorm().maxPool2d(2)
      .flatten().dropout(0.3).dense(2).softmax();
  static final long SEED = 31;

  @TempDir
  static Path tmp;
  static Path exported;
  static float[] examples;
  static float[] predicted;
  static Map<String, ParameterValues> weights;
  static Map<String, ParameterValues> initial;

  @BeforeAll
  static void exportATrainedModel() throws IOException {
    InMemoryDataset train = Fixtures.bars(128, 8, 1);
    examples = Fixtures.features(Fixtures.bars(70, 8, 2));
    exported = tmp.resolve("models/bars/1");
    try (Model model = Model.compile(SPEC, SEED, Device.CPU)) {
      initial = model.weights();
      assertThat(model.fit(train, FitOptions.defaults().withBatchSize(32)))
          .isInstanceOf(FitResult.Completed.class);
      weights = model.weights();
      predicted = model.predict(examples);
      model.exportSavedModel(exported);
    }
  }

  @Test
  void loadedInANewJvmPredictsBitwiseWhatTheModelDidThroughPrimerAndThroughTensorFlowAlone()
      throws Exception {
    Path out = Files.createDirectories(tmp.resolve("child"));
    Path input = out.resolve("examples.bin");
    PredictInNewJvm.writeFloats(input, examples);

    PredictInNewJvm.run(exported, input, out);

    assertThat(bits(PredictInNewJvm.readFloats(out.resolve("model.bin"))))
        .as("Model.load + predict in a new JVM").containsExactly(bits(predicted));
    assertThat(bits(PredictInNewJvm.readFloats(out.resolve("bundle.bin"))))
        .as("SavedModelBundle serving_default in a new JVM").containsExactly(bits(predicted));
  }

  @Test
  void loadedHereGetsTheWeightsSpecAndSeedAndTrainsOn() throws IOException {
    try (Model loaded = Model.load(exported, Device.CPU)) {
      assertThat(loaded.spec()).isEqualTo(SPEC);
      assertThat(loaded.seed()).isEqualTo(SEED);
      assertThat(Fixtures.sha256(loaded.weights())).isEqualTo(Fixtures.sha256(weights))
          .isNotEqualTo(Fixtures.sha256(initial)); // trained weights, not the initializers'
      assertThat(bits(loaded.predict(examples))).containsExactly(bits(predicted));
      assertThat(loaded.fit(Fixtures.bars(64, 8, 3), FitOptions.defaults()))
          .isInstanceOf(FitResult.Completed.class);
    }
  }

  @Test
  void theExportHoldsTheCheckpointTheSignatureAndTheSpecAndSeedAsAssets() throws IOException {
    assertThat(exported.resolve("variables/variables.index")).isNotEmptyFile();
    assertThat(exported.resolve("variables/variables.data-00000-of-00001")).isNotEmptyFile();
    assertThat(Files.readString(exported.resolve(ModelFormat.SPEC_ASSET))).isEqualTo(SPEC + "\n");
    assertThat(Files.readString(exported.resolve(ModelFormat.SEED_ASSET))).isEqualTo("31\n");
    assertThat(exported.getParent()).isDirectoryNotContaining("glob:**/.*"); // no leftovers

    ModelDirectory found = ModelDirectory.inspect(exported);
    assertThat(found.format()).isEqualTo(ModelFormat.SAVED_MODEL);
    assertThat(found.spec()).isEqualTo(SPEC);
    assertThat(found.seed()).isEqualTo(OptionalLong.of(SEED));
    ServingSignature signature = found.signature().orElseThrow();
    assertThat(signature.key()).isEqualTo("serving_default");
    assertThat(signature.method()).isEqualTo("tensorflow/serving/predict");
    assertThat(signature.inputs()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("input");
      assertThat(t.tensor()).isEqualTo("input:0");
      assertThat(t.dtype()).isEqualTo("float");
      assertThat(t.shape()).containsExactly(-1L, 8L, 8L, 1L);
    });
    assertThat(signature.outputs()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("output");
      assertThat(t.dtype()).isEqualTo("float");
      assertThat(t.shape()).containsExactly(-1L, 2L);
    });
  }

  @Test
  void theGraphIsInferenceOnlyWithOneVariablePerParameterAndTheStep() throws IOException {
    GraphDef graph;
    try (InputStream in = Files.newInputStream(exported.resolve("saved_model.pb"))) {
      graph = SavedModel.parseFrom(in).getMetaGraphs(0).getGraphDef();
    }
    List<NodeDef> nodes = graph.getNodeList();
    assertThat(nodes.stream().filter(n -> n.getOp().equals("VariableV2")).map(NodeDef::getName))
        .containsExactlyInAnyOrderElementsOf(concat(weights.keySet(), "step"));
    assertThat(nodes).as("no training pass, gradients, optimizer or data ops")
        .noneMatch(n -> n.getName().startsWith("train/") || n.getName().contains("gradient")
            || n.getOp().contains("Apply") || n.getName().startsWith("data"));
    assertThat(nodes).as("the inference pass").anyMatch(n -> n.getName().startsWith("infer/"));
    assertThat(nodes).as("no device pinned").allMatch(n -> n.getDevice().isEmpty());
  }

  @Test
  void exportRefusesADirectoryThatIsNotEmptyAndWritesIntoAnEmptyOne() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    try (Model model = Model.compile(Net.input(3).dense(2), 5, Device.CPU)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.exportSavedModel(exported))
          .isInstanceOf(java.nio.file.FileAlreadyExistsException.class)
          .hasMessage(exported + ": exportSavedModel: the directory exists and is not empty;"
              + " export into a new directory (TensorFlow Serving reads numbered versions:"
              + " models/<name>/1, models/<name>/2, ...)");
      model.exportSavedModel(empty);
      assertThat(ModelDirectory.inspect(empty).seed()).isEqualTo(OptionalLong.of(5));
    }
    assertThat(ModelDirectory.inspect(exported).seed()).isEqualTo(OptionalLong.of(SEED));
  }

  private static List<String> concat(java.util.Collection<String> names, String more) {
    return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(more))
        .toList();
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
