package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.summary.EventFiles;
import dev.primer.tf.summary.ScalarEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepthSweepCommandTest {

  @TempDir
  Path dir;

  @Test
  void aTinySweepWritesItsTableFilesChartsReportAndTensorBoardRuns() throws Exception {
    Path out = dir.resolve("out");
    Path tb = dir.resolve("tb");
    CommandRunner cli = new CommandRunner();
    int code = cli.run("depth-sweep", "--depths", "2,3", "--width", "16", "--epochs", "1",
        "--train-size", "300", "--test-size", "100", "--out", out.toString(),
        "--tensorboard", tb.toString());
    assertThat(code).as(cli.err.toString()).isZero();

    String text = cli.out.toString();
    assertThat(text).contains("nets:      input(784) · d × dense(16).relu() · dense(10)"
        + ".softmax(), d in [2, 3]");
    assertThat(text).containsPattern("(?m)^depth\\s+glorot_uniform\\s+he_normal$");
    assertThat(text).containsPattern("(?m)^    2   \\d+\\.\\d\\d% \\S+");
    assertThat(text).containsPattern("(?m)^    3   \\d+\\.\\d\\d% \\S+");

    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertThat(csv).hasSize(1 + 2 * 2);
    assertThat(out.resolve("results.json")).exists();
    for (String png : List.of("accuracy-grid.png", "test-accuracy-depth3.png",
        "train-loss-depth3.png", "activation-std-depth3.png")) {
      assertThat(Files.size(out.resolve(png))).as(png).isGreaterThan(10_000);
    }
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<th>depth</th><th>glorot_uniform</th><th>he_normal</th>")
        .contains("<dt>slow start</dt>").doesNotContain("https://").doesNotContain("http://");
    assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(1 + 4);

    for (String run : List.of("depth2/glorot_uniform-seed42", "depth2/he_normal-seed42",
        "depth3/glorot_uniform-seed42", "depth3/he_normal-seed42")) {
      List<ScalarEvent> scalars = EventFiles.scalars(EventFiles.in(tb.resolve(run)).get(0));
      assertThat(scalars).as(run).extracting(ScalarEvent::tag)
          .containsExactly("train_loss", "test_loss", "test_accuracy");
      assertThat(scalars).as(run).allSatisfy(s -> assertThat(s.step()).isEqualTo(1));
    }
    // The accuracy in TensorBoard is the one in results.csv (float32 of it).
    String[] firstRow = csv.get(1).split(",");
    float accuracy = EventFiles.scalars(EventFiles.in(tb.resolve("depth2/glorot_uniform-seed42"))
        .get(0)).get(2).value();
    assertThat((double) accuracy).isCloseTo(Double.parseDouble(firstRow[6]),
        org.assertj.core.api.Assertions.within(1e-5));
  }

  @Test
  void badOptionsAreOneLineNamingTheOption() throws IOException {
    CommandRunner cli = new CommandRunner();
    assertThat(cli.run("depth-sweep", "--depths", "2,0", "--out", dir.toString())).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("primer depth-sweep: error: --depths: every depth"
        + " must be >= 1 (hidden layers), got 0 in [2, 0]" + System.lineSeparator());

    CommandRunner lr = new CommandRunner();
    assertThat(lr.run("depth-sweep", "--lr", "-1", "--out", dir.toString())).isEqualTo(2);
    assertThat(lr.err.toString()).startsWith(
        "primer depth-sweep: error: --lr must be a finite number > 0, got -1.0");

    CommandRunner sizes = new CommandRunner();
    assertThat(sizes.run("depth-sweep", "--width", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(sizes.err.toString()).startsWith("primer depth-sweep: error: --width, --epochs,"
        + " --batch and --seeds must be >= 1, got 0, 10, 64 and 1");

    CommandRunner twice = new CommandRunner();
    assertThat(twice.run("depth-sweep", "--depths", "2,2", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(twice.err.toString()).startsWith(
        "primer depth-sweep: error: --depths: every depth must appear once, got [2, 2]");
  }

  @Test
  void helpSaysWhatDepthIsAndWhySgd() {
    CommandRunner cli = new CommandRunner();
    assertThat(cli.run("depth-sweep", "--help")).isZero();
    assertThat(cli.out.toString()).contains("Depth d means d hidden layers")
        .contains("Plain SGD only, on purpose")
        .contains("--tensorboard=DIR");
  }
}
