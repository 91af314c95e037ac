package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.LabeledImages;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import dev.primer.tf.train.FitOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer comparison on the embedded digits: pretrained on 0-4, a new head on 5-9 over a
 * frozen body. The head learns (test accuracy far above the 1/5 of chance), and the body's
 * weights are bitwise the saved ones before and after fine-tuning.
 */
class TransferTest {

  @TempDir
  Path dir;

  /** Small and quick: 600 images per task, 2 epochs of pretraining, 4 of fine-tuning. */
  private static TransferPlan plan() {
    return TransferPlan.defaults().withTrainSize(600).withFineTune(TransferPlan.defaults()
        .fineTune().withSchemes("zeros", "he_normal").withEpochs(4).withSeeds(List.of(42L)));
  }

  @Test
  void theHeadLearnsOnTheFrozenPretrainedBody() throws IOException {
    MnistSplit mnist = EmbeddedMnist.load();
    TransferPlan plan = plan();
    Path saved = dir.resolve("pretrained");
    TransferResult result = Transfer.run(plan, mnist, saved, ComparisonListener.NONE);

    // 5 classes: chance is 0.2; with ~1,000 test images per task the standard error of an
    // accuracy is below 0.016, so 0.45 is more than 15 standard errors above chance (measured:
    // zeros 0.65, he_normal 0.60 after 4 epochs; the pretrained net 0.90 on digits 0-4)
    assertThat(result.pretrained().accuracy()).isGreaterThan(0.8);
    assertThat(result.runs()).extracting(SchemeRun::scheme).containsExactly("zeros", "he_normal");
    for (SchemeRun run : result.runs()) {
      assertThat(run.finalTestAccuracy()).as(run.scheme()).isGreaterThan(0.45);
    }

    // the fine-tuned net: body bitwise the saved weights, before and after its fit
    Map<String, NpyArray> stored = Npz.read(saved.resolve("weights.npz"));
    List<String> body = List.of("dense_0/kernel", "dense_0/bias", "dense_1/kernel",
        "dense_1/bias");
    ImageDataset train = new ImageDataset(Transfer.digits(mnist.train(), 5, 10, 600),
        result.fineTuneSpec().input().orElseThrow(), 5);
    try (Model model = Model.compile(result.fineTuneSpec(), 42)) {
      Map<String, ParameterValues> before = model.weights();
      model.fit(train, FitOptions.defaults().withEpochs(2).withBatchSize(64)
          .withOptimizer(plan.fineTune().optimizer()).withShuffleSeed(42));
      Map<String, ParameterValues> after = model.weights();
      for (String name : body) {
        assertThat(before.get(name).values()).as(name).isEqualTo(stored.get(name).data());
        assertThat(after.get(name).values()).as(name).isEqualTo(stored.get(name).data());
      }
      assertThat(after.get("dense_2/kernel").values())
          .isNotEqualTo(before.get("dense_2/kernel").values());
    }
  }

  @Test
  void digitsKeepsOnlyTheTasksDigitsRenumbered() {
    byte[] greys = {1, 2, 3, 4, 5, 6};
    LabeledImages images = LabeledImages.of(1, 1, greys, new int[] {7, 2, 5, 9, 0, 6});
    LabeledImages high = Transfer.digits(images, 5, 10, Integer.MAX_VALUE);
    assertThat(high.labels()).containsExactly(2, 0, 4, 1);
    assertThat(high.greys()).containsExactly(1, 3, 4, 6);
    assertThat(Transfer.digits(images, 5, 10, 2).labels()).containsExactly(2, 0);
    assertThatThrownBy(() -> Transfer.digits(images, 0, 5, 3))
        .hasMessage("the set has 2 images of the digits 0 to 4; cannot keep 3 (use a smaller"
            + " train size)");
  }

  @Test
  void aHeadWithTheWrongNumberOfClassesIsRefusedBeforeTraining() {
    TransferPlan wrong = plan().withHead(Net.dense(10).softmax());
    assertThatThrownBy(() -> Transfer.run(wrong, EmbeddedMnist.load(), dir.resolve("p"),
        ComparisonListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the fine-tuning net ends in 10 outputs, but its task has 5"
            + " classes (digits): ");
    assertThat(dir.resolve("p")).doesNotExist();
  }
}
