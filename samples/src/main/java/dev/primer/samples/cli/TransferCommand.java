package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Numbers;
import dev.primer.samples.compare.ComparisonTable;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.compare.Transfer;
import dev.primer.tf.compare.TransferPlan;
import dev.primer.tf.compare.TransferResult;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer transfer}: pretrains a net on the digits 0-4, then fine-tunes a new head on 5-9
 * over its frozen body once per head initializer, and shows what each does. The runs are the
 * library's {@link Transfer#run}; this command reads the options into a {@link TransferPlan}
 * and presents the results as {@code primer compare} does.
 */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description = {
      "Transfer learning on the embedded MNIST digits: compare head initializers.",
      "",
      "Pretrains --pretrain on digits 0-4 and saves it into OUT/pretrained; then its",
      "first --body layers, taken from(...) the saved weights and frozen, get a new",
      "--head for digits 5-9, fine-tuned once per scheme. Each scheme initializes the",
      "head only (frozen layers keep their pretrained values). Prints the pretrained",
      "accuracy, the fine-tuning net, and per scheme the test accuracy on 5-9 after",
      "each epoch, training loss, time and status; writes results.csv and",
      "results.json into --out.",
      ""
    })
final class TransferCommand implements Callable<Integer> {

  @Option(names = "--pretrain", defaultValue = TransferPlan.DEFAULT_PRETRAIN, paramLabel = "TEXT",
      description = "The pretraining net, ending in 5 classes. Default: ${DEFAULT-VALUE}")
  String pretrain;

  @Option(names = "--body", defaultValue = "" + TransferPlan.DEFAULT_BODY_LAYERS,
      paramLabel = "N",
      description = "How many first layers of --pretrain are kept. Default: ${DEFAULT-VALUE}.")
  int body;

  @Option(names = "--head", defaultValue = TransferPlan.DEFAULT_HEAD, paramLabel = "TEXT",
      description = "The new layers after the body, ending in 5 classes. "
          + "Default: ${DEFAULT-VALUE}")
  String head;

  @Option(names = "--schemes", defaultValue = TransferPlan.DEFAULT_SCHEMES, paramLabel = "LIST",
      description = "Comma-separated head initializers. Default: ${DEFAULT-VALUE}")
  String schemes;

  @Option(names = "--optimizer", defaultValue = TransferPlan.DEFAULT_OPTIMIZER,
      paramLabel = "NAME",
      description = "One of: " + OptimizerOptions.NAMES + ". Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "X",
      description = "Learning rate. Default: the optimizer's (0.1 for sgd).")
  Double lr;

  @Option(names = "--epochs", defaultValue = "" + TransferPlan.DEFAULT_EPOCHS, paramLabel = "N",
      description = "Fine-tuning epochs per scheme. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--pretrain-epochs", defaultValue = "" + TransferPlan.DEFAULT_EPOCHS,
      paramLabel = "N", description = "Pretraining epochs. Default: ${DEFAULT-VALUE}.")
  int pretrainEpochs;

  @Option(names = "--train-size", defaultValue = "" + TransferPlan.DEFAULT_TRAIN_SIZE,
      paramLabel = "N",
      description = "Training images per task (digits 0-4, digits 5-9). "
          + "Default: ${DEFAULT-VALUE}.")
  int trainSize;

  @Option(names = "--batch", defaultValue = "" + ComparisonPlan.DEFAULT_BATCH, paramLabel = "N",
      description = "Examples per step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--seed", defaultValue = "" + ComparisonPlan.DEFAULT_SEED, paramLabel = "S",
      description = "The seed of the pretrained model and the first seed of the heads. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--seeds", defaultValue = "" + ComparisonPlan.DEFAULT_SEED_COUNT,
      paramLabel = "K",
      description = "Fine-tune every head with K seeds (--seed, --seed+1, ...) and report the "
          + "mean, its 95% interval and a paired test against the best. Default: "
          + "${DEFAULT-VALUE}.")
  int seeds;

  /** {@code --out} (the pretrained model, results.csv and results.json go there) and --force. */
  @Mixin
  OutputOptions output;

  @Mixin
  DeviceOption device;

  @Mixin
  DebugOption debug;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (epochs < 1 || pretrainEpochs < 1 || batch < 1 || trainSize < 1 || body < 1
        || seeds < 1) {
      throw new UserException("--epochs, --pretrain-epochs, --batch, --train-size, --body and"
          + " --seeds must be >= 1, got " + epochs + ", " + pretrainEpochs + ", " + batch + ", "
          + trainSize + ", " + body + " and " + seeds);
    }
    java.util.List<Long> seedList;
    try {
      seedList = ComparisonPlan.seeds(seed, seeds);
    } catch (IllegalArgumentException e) {
      throw new UserException("--seed and --seeds: " + e.getMessage());
    }
    Optimizer chosen = OptimizerOptions.of(optimizer, lr);
    ComparisonPlan fineTune = TransferPlan.defaults().fineTune()
        .withSchemes(TrainingOptions.schemes(schemes)).withEpochs(epochs).withBatchSize(batch)
        .withOptimizer(chosen).withSeeds(seedList).withDevice(device.device);
    TransferPlan plan = new TransferPlan(Net.parse(pretrain), body, Net.parse(head),
        pretrainEpochs, TransferPlan.DEFAULT_SPLIT, trainSize, fineTune);
    MnistSplit mnist = EmbeddedMnist.load();
    // every usage error is reported before the output directory is made
    plan.checkNets();
    Path outDir = output.fresh("transfer");
    PrintWriter text = spec.commandLine().getOut();
    text.println("pretrain:  " + plan.pretrain() + " on digits 0-4, " + pretrainEpochs
        + " epoch" + (pretrainEpochs == 1 ? "" : "s"));
    text.println("data:      " + Numbers.grouped(trainSize) + " training images per task, "
        + mnist.source());
    text.println("training:  " + chosen.describe() + ", batch " + batch + ", seed " + seed);
    text.flush();

    TransferResult result;
    try (RunProgress progress = new RunProgress((long) epochs
        * ((trainSize + batch - 1) / batch))) {
      result = Transfer.run(plan, mnist, outDir.resolve("pretrained"),
          new RunLines(progress, text, false));
    }
    text.println("pretrained: test accuracy " + Numbers.percent(result.pretrained().accuracy())
        + " on digits 0-4; saved in " + result.saved());
    text.println("fine-tune: " + result.fineTuneSpec());
    text.println();
    text.print(ComparisonTable.of(result.runs(), epochs));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", mnist.source());
    data.put("train_examples_per_task", trainSize);
    ResultsFiles.write(outDir, result.runs(), plan.fineTune().runs(),
        result.fineTuneSpec().toString(), plan.options(), data, Versions.all());
    text.println();
    text.println("wrote " + outDir.resolve("results.csv") + " and "
        + outDir.resolve("results.json"));
    text.flush();
    return ErrorReporter.runsEnded(result.runs(), "transfer", spec.commandLine().getErr());
  }
}
