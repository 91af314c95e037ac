package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.LabeledImages;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Transfer learning, as a comparison of head initializers: the seeds' case where new layers are
 * initialized differently from pretrained ones (Yosinski et al. 2014). A net is pretrained on
 * the digits {@code 0 .. split - 1} and saved; its body is then taken {@code from(...)} the saved
 * weights and frozen, and a new head for the digits {@code split .. 9} is fine-tuned once per
 * scheme with {@link Comparison#run} (which gives each scheme to the layers that are not frozen
 * only). Labels of each task are renumbered from 0.
 * <pre>
 *   TransferResult result = Transfer.run(TransferPlan.defaults(), EmbeddedMnist.load(),
 *       Path.of("out/transfer/pretrained"), ComparisonListener.NONE);
 *   for (SchemeRun run : result.runs()) {
 *     System.out.println(run.scheme() + " " + run.finalTestAccuracy());
 *   }
 * </pre>
 */
public final class Transfer {
  private Transfer() {
    throw new AssertionError("no instances");
  }

  /**
   * Pretrains, saves into {@code saved}, and fine-tunes a head per scheme.
   *
   * @param mnist the images; each task takes the first {@link TransferPlan#trainSize} training
   *     images of its digits and every test image of them
   * @param saved the directory the pretrained model is saved into (created if needed)
   * @throws IllegalArgumentException before any training, if {@link TransferPlan#checkNets}
   *     refuses the nets, a task has fewer than {@code trainSize} training
   *     images, or the fine-tuning comparison refuses its net or data
   * @throws IOException if the pretrained model cannot be saved
   */
  public static TransferResult run(TransferPlan plan, MnistSplit mnist, Path saved,
      ComparisonListener listener) throws IOException {
    plan.checkNets();
    NetSpec pretrain = plan.pretrain();
    ComparisonPlan fine = plan.fineTune();
    ImageDataset baseTrain = task(mnist.train(), 0, plan.split(), plan.trainSize(), pretrain);
    ImageDataset baseTest = task(mnist.test(), 0, plan.split(), Integer.MAX_VALUE, pretrain);
    ImageDataset train = task(mnist.train(), plan.split(), 10, plan.trainSize(), pretrain);
    ImageDataset test = task(mnist.test(), plan.split(), 10, Integer.MAX_VALUE, pretrain);
    fine.checkTrainingSet(baseTrain);
    fine.checkTrainingSet(train);

    Evaluation pretrained;
    long seed = fine.seeds().get(0);
    try (Model base = Model.compile(pretrain, seed, fine.device())) {
      base.fit(baseTrain, FitOptions.defaults().withEpochs(plan.pretrainEpochs())
          .withBatchSize(fine.batchSize()).withOptimizer(fine.optimizer())
          .withShuffleSeed(seed));
      pretrained = base.evaluate(baseTest);
      base.save(saved);
    }
    NetSpec spec = plan.fineTuneSpec(saved);
    List<SchemeRun> runs = Comparison.run(fine.withSpec(spec), train, test, listener);
    return new TransferResult(pretrained, saved, spec, runs);
  }

  /**
   * The images of digits {@code from .. to - 1}, labels renumbered from 0, at most {@code limit}
   * of them, in their order in {@code images}.
   *
   * @throws IllegalArgumentException if {@code limit} is finite and there are fewer
   */
  public static LabeledImages digits(LabeledImages images, int from, int to, int limit) {
    int per = images.pixelsPerImage();
    byte[] all = images.greys();
    int[] labels = images.labels();
    int kept = 0;
    for (int i = 0; i < labels.length && kept < limit; i++) {
      if (labels[i] >= from && labels[i] < to) {
        kept++;
      }
    }
    if (limit != Integer.MAX_VALUE && kept < limit) {
      throw new IllegalArgumentException("the set has " + kept + " images of the digits " + from
          + " to " + (to - 1) + "; cannot keep " + limit + " (use a smaller train size)");
    }
    byte[] greys = new byte[kept * per];
    int[] chosen = new int[kept];
    int k = 0;
    for (int i = 0; i < labels.length && k < kept; i++) {
      if (labels[i] >= from && labels[i] < to) {
        System.arraycopy(all, i * per, greys, k * per, per);
        chosen[k++] = labels[i] - from;
      }
    }
    return LabeledImages.of(images.rows(), images.cols(), greys, chosen);
  }

  private static ImageDataset task(LabeledImages images, int from, int to, int limit,
      NetSpec net) {
    return new ImageDataset(digits(images, from, to, limit), net.input().orElseThrow(),
        to - from);
  }
}
