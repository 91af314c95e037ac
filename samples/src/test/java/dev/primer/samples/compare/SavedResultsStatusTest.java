package dev.primer.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SchemeRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs read back for --resume are judged by today's status rule, whatever word they carry. */
class SavedResultsStatusTest {

  @Test
  void aRunSavedUnderTheOldStallRuleIsJudgedAgainFromItsEpochs() throws Exception {
    String json = """
        [{"scheme": "normal(0,0.01)", "seed": 42, "status": "stalled",
          "status_detail": "test loss 2.2900 after epoch 1 is within 1% of ln 10 = 2.3026",
          "seconds": 4.0, "epochs": [
            {"epoch": 1, "train_loss": 2.299, "test_loss": 2.29, "test_accuracy": 0.125,
             "seconds": 1},
            {"epoch": 2, "train_loss": 2.171, "test_loss": 1.724, "test_accuracy": 0.501,
             "seconds": 2},
            {"epoch": 3, "train_loss": 0.985, "test_loss": 0.694, "test_accuracy": 0.78,
             "seconds": 3}]},
         {"scheme": "he_normal", "seed": 42, "status": "diverged",
          "status_detail": "diverged at epoch 1, step 9 (loss NaN)", "diverged_at_step": 9,
          "seconds": 1.0, "epochs": []}]
        """;
    List<SchemeRun> runs = SavedResults.runs(new ObjectMapper().readTree(json), 10);
    assertThat(runs.get(0).status()).isEqualTo(RunStatus.ofHistory(runs.get(0).epochs(), 10));
    assertThat(runs.get(0).status().kind()).isEqualTo(RunStatus.Kind.SLOW_START);
    assertThat(runs.get(1).status())
        .isEqualTo(RunStatus.diverged("diverged at epoch 1, step 9 (loss NaN)", 9));
  }
}
