package dev.primer.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.summary.EventFiles;
import dev.primer.tf.summary.ScalarEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardRunsTest {

  @TempDir
  Path dir;

  @Test
  void aRunsEpochsComeBackAsScalarsPerEpoch() throws IOException {
    SchemeRun run = Runs.run("normal(0,0.01)", 42, 3, 2.0, 0.5);
    Path written = TensorBoardRuns.write(dir, run);
    assertThat(written).isEqualTo(dir.resolve("normal_0_0.01_-seed42"));
    List<Path> files = EventFiles.in(written);
    assertThat(files).hasSize(1);
    List<ScalarEvent> scalars = EventFiles.scalars(files.get(0));
    assertThat(scalars).hasSize(3 * 3);
    for (int e = 1; e <= 3; e++) {
      var row = run.epochs().get(e - 1);
      int epoch = e;
      assertThat(scalars).filteredOn(s -> s.step() == epoch)
          .extracting(ScalarEvent::tag, ScalarEvent::value)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("train_loss", (float) row.trainLoss()),
              org.assertj.core.groups.Tuple.tuple("test_loss", (float) row.testLoss()),
              org.assertj.core.groups.Tuple.tuple("test_accuracy", (float) row.testAccuracy()));
    }
  }
}
