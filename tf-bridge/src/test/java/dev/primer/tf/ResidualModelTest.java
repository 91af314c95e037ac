package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.io.Npz;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * Residual nets through the whole model: training moves the branch scale and the branches,
 * save and load and the SavedModel export keep the names with '/' inside blocks, and a deep
 * net (100 blocks) compiles and runs.
 */
class ResidualModelTest {
  static final InMemoryDataset DATA = Fixtures.blobs(600, 4, 3, 1);
  static final NetSpec SPEC = Net.parse("input(4).dense(8).relu()"
      + ".repeat(3,residual(dense(8).relu().dense(8)).scaled(0)).dense(3).softmax()");

  @Test
  void skipInitStartsAsTheIdentityAndTrainingMovesTheScalesAndTheBranches() {
    try (Model model = Model.compile(SPEC, 5)) {
      Map<String, ParameterValues> initial = model.weights();
      assertThat(initial.get("block_2/scale").values()).containsExactly(0f);
      double before = model.evaluate(DATA).loss();
      FitResult fit = model.fit(DATA, FitOptions.defaults().withEpochs(3)
          .withOptimizer(Optimizer.adam(1e-2)).withBatchSize(32));
      assertThat(fit).isInstanceOf(FitResult.Completed.class);
      Map<String, ParameterValues> trained = model.weights();
      for (int b = 0; b < 3; b++) {
        assertThat(trained.get("block_" + b + "/scale").values()[0]).as("block_%d/scale", b)
            .isNotEqualTo(0f);
        assertThat(trained.get("block_" + b + "/dense_1/kernel").values())
            .isNotEqualTo(initial.get("block_" + b + "/dense_1/kernel").values());
      }
      // blobs are nearly separable (about 0.5% past a midway plane): 3 epochs get there
      assertThat(model.evaluate(DATA).loss()).isLessThan(before);
      assertThat(model.evaluate(DATA).accuracy()).isGreaterThan(0.9);
    }
  }

  @Test
  void saveLoadAndExportKeepTheBlockNames(@TempDir Path dir) throws IOException {
    float[] x = Fixtures.features(Fixtures.blobs(20, 4, 3, 2));
    float[] before;
    Map<String, ParameterValues> weights;
    try (Model model = Model.compile(SPEC, 8)) {
      model.fit(DATA, FitOptions.defaults().withEpochs(1));
      before = model.predict(x);
      weights = model.weights();
      model.save(dir.resolve("saved"));
      model.exportSavedModel(dir.resolve("export"));
    }
    assertThat(weights.keySet()).contains("block_0/dense_0/kernel", "block_2/dense_1/bias",
        "block_1/scale");
    assertThat(Npz.read(dir.resolve("saved/weights.npz")).keySet())
        .containsExactlyElementsOf(weights.keySet());
    for (Path saved : new Path[] {dir.resolve("saved"), dir.resolve("export")}) {
      try (Model loaded = Model.load(saved, Device.CPU)) {
        assertThat(loaded.spec()).isEqualTo(SPEC);
        assertThat(loaded.predict(x)).as("%s", saved).containsExactly(before);
        assertThat(Fixtures.sha256(loaded.weights())).isEqualTo(Fixtures.sha256(weights));
      }
    }
    GraphDef graph;
    try (InputStream in = Files.newInputStream(dir.resolve("export/saved_model.pb"))) {
      graph = SavedModel.parseFrom(in).getMetaGraphs(0).getGraphDef();
    }
    assertThat(graph.getNodeList().stream().filter(n -> n.getOp().equals("VariableV2"))
        .map(NodeDef::getName)).containsAll(weights.keySet());
  }

  @Test
  void aHundredBlockNetCompilesWithOneVariablePerParameterAndRuns() {
    NetSpec deep = Net.input(8).dense(16).relu()
        .repeat(100, Net.residual(Net.block().dense(16).relu().dense(16)).scaled(0))
        .dense(2).softmax();
    assertThat(deep.toString()).isEqualTo("input(8).dense(16).relu()"
        + ".repeat(100,residual(dense(16).relu().dense(16)).scaled(0)).dense(2).softmax()");
    try (Model model = Model.compile(deep, 1)) {
      assertThat(model.net().layers()).hasSize(1 + 300 + 1);
      assertThat(model.weights()).hasSize(2 + 100 * 5 + 2)
          .containsKeys("block_99/dense_1/kernel", "block_99/scale");
      assertThat(model.net().parameterCount())
          .isEqualTo(8 * 16 + 16 + 100 * (2 * (16 * 16 + 16) + 1) + 16 * 2 + 2);
      float[] y = model.predict(new float[8 * 3]);
      // scaled(0): every block passes its input on, so the output is the plain net's
      assertThat(y).hasSize(6);
      assertThat(y[0] + y[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }
  }
}
