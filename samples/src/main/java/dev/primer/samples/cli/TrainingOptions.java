package dev.primer.samples.cli;

import dev.primer.dsl.init.Init;
import dev.primer.tf.Device;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.compare.DepthSweepPlan;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Optimizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The training options {@code compare} and {@code depth-sweep} share: epochs, batch, seeds,
 * where results go, and the {@link RunOptions} (device, data, debug). Defaults are the library
 * plans' ({@link ComparisonPlan}).
 */
final class TrainingOptions {

  /**
   * How the commands keep their results and what they exit with, for their help (the lines as
   * they were, one help entry).
   */
  static final String KEPT_HELP = "results.csv and results.json are rewritten after every"
      + " finished run. On%nCtrl-C (SIGINT) or SIGTERM the finished runs are kept (marked"
      + " incomplete,%nwith their report) and the command exits 130 or 143; --resume DIR with"
      + " the%nsame options trains only the missing runs. Exit codes: 0 every run finished%n"
      + "(every status but failed is a result), 3 one or more runs failed, 2 a%nusage error.";

  /**
   * The statuses for the commands' help, one line each ({@link RunStatus} is the rule; its
   * thresholds for the 10 classes of MNIST, checked against it by a test).
   */
  static final String STATUS_HELP = "Status per run, judged over the whole run from its test"
      + " accuracy per%nepoch; 55%% (for 10 classes: half of chance's error gone) is learned:%n"
      + "  learned         at or above 55%% after epoch 1 and after the last%n"
      + "  slow start      below 55%% after epoch 1, at or above after the last%n"
      + "  collapsed       at or above 55%% after some epoch, below after the last%n"
      + "  exploded        never 55%%, last training loss above 10 ln 10 = 23.03%n"
      + "  partly learned  never 55%%, but 19%% or more after the last (off chance)%n"
      + "  never learned   never 55%%, below 19%% after the last (zero init: symmetry)%n"
      + "  diverged at step N  the loss became NaN or infinite; that run stopped,%n"
      + "                  the others go on";

  /** Device, data and {@code --debug}, as every command that runs a net has them. */
  @Mixin
  RunOptions common;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs per run. Default: " + ComparisonPlan.DEFAULT_EPOCHS + " for compare, "
          + DepthSweepPlan.DEFAULT_EPOCHS + " for depth-sweep.")
  Integer epochsOption;

  /** Epochs per run: {@code --epochs}, else the command's default (set by {@link #check}). */
  int epochs;

  @Option(names = "--batch", defaultValue = "" + ComparisonPlan.DEFAULT_BATCH, paramLabel = "N",
      description = "Examples per step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--seeds", paramLabel = "K",
      description = "Repeat every run with K seeds (--seed, --seed+1, ...) and report the mean, "
          + "its 95%% interval over seeds and which schemes are indistinguishable from the best "
          + "(2 or more). Default: " + ComparisonPlan.DEFAULT_SEED_COUNT + " for compare, "
          + DepthSweepPlan.DEFAULT_SEED_COUNT + " for depth-sweep.")
  Integer seedsOption;

  /** Seeds per scheme: {@code --seeds}, else the command's default (set by {@link #check}). */
  int seeds;

  @Option(names = "--seed", defaultValue = "" + ComparisonPlan.DEFAULT_SEED, paramLabel = "S",
      description = "The first seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  /** {@code --out} and {@code --force}. */
  @Mixin
  OutputOptions output;

  /** {@code --jobs} and {@code --shard}. */
  @Mixin
  ExecutionOptions execution;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the interrupted run whose results are in DIR, with the same "
          + "options as then: its finished runs are kept, only the missing ones are trained, "
          + "and the whole set is written to DIR.")
  Path resume;

  @Option(names = "--tensorboard", paramLabel = "DIR",
      description = "Also write TensorBoard event files (train_loss, test_loss, test_accuracy per "
          + "epoch), one run per scheme and seed: DIR/<scheme>-seed<seed> (depth-sweep: "
          + "DIR/depth<d>/<scheme>-seed<seed>). View with: tensorboard --logdir DIR")
  Path tensorboard;

  /**
   * Sets {@link #epochs} and {@link #seeds} from the options or the command's defaults, then
   * refuses epochs, batch or seeds below 1, and seeds that would pass the largest seed, naming
   * the options.
   */
  void check(int defaultEpochs, int defaultSeeds) {
    check(defaultEpochs, defaultSeeds, List.of(), List.of());
  }

  /** As {@link #check(int, int)}, with one more option first, such as {@code --width}. */
  void check(int defaultEpochs, int defaultSeeds, String option, int value) {
    check(defaultEpochs, defaultSeeds, List.of(option), List.of(value));
  }

  private void check(int defaultEpochs, int defaultSeeds, List<String> options,
      List<Integer> values) {
    epochs = epochsOption == null ? defaultEpochs : epochsOption;
    seeds = seedsOption == null ? defaultSeeds : seedsOption;
    List<String> names = new ArrayList<>(options);
    names.addAll(List.of("--epochs", "--batch", "--seeds"));
    List<Integer> all = new ArrayList<>(values);
    all.addAll(List.of(epochs, batch, seeds));
    if (all.stream().anyMatch(v -> v < 1)) {
      throw new UserException(and(names) + " must be >= 1, got "
          + and(all.stream().map(String::valueOf).toList()));
    }
    seedList();
  }

  /**
   * The seeds of the runs: {@code --seed}, {@code --seed + 1}, ... ({@link
   * ComparisonPlan#seeds}), refused as the options if the last would pass the largest seed.
   */
  List<Long> seedList() {
    try {
      return ComparisonPlan.seeds(seed, seeds);
    } catch (IllegalArgumentException e) {
      throw new UserException("--seed and --seeds: " + e.getMessage());
    }
  }

  /**
   * Runs a plan's check that the training set holds one batch ({@link
   * ComparisonPlan#checkTrainingSet}), its refusal named as {@code --batch}.
   */
  static void checkBatch(Runnable planCheck) {
    try {
      planCheck.run();
    } catch (IllegalArgumentException e) {
      throw new UserException("--batch: " + e.getMessage());
    }
  }

  /**
   * Where results go, checked and created before any run ({@link OutputDirectory}): the
   * {@code --resume} directory, else {@code --out}, else {@code runs/<command>-<time>}.
   *
   * @throws UserException for --resume with --out or --force, or a directory results cannot go
   */
  Path outDirectory(String command) {
    if (resume != null) {
      if (output.out != null || output.force) {
        throw new UserException("--resume DIR continues the run in DIR and writes there; give"
            + " it without " + (output.out != null ? "--out" : "--force"));
      }
      return OutputDirectory.forResume(resume);
    }
    return output.fresh(command);
  }

  /**
   * The command line that continues this run in {@code dir}: the same arguments without
   * {@code --out}, {@code --force} and {@code --resume}, then {@code --resume dir}.
   */
  static String resumeCommand(String command, List<String> args, Path dir) {
    List<String> kept = new ArrayList<>(List.of("primer", command));
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--out") || arg.equals("--resume")) {
        i++;
      } else if (!arg.equals("--force") && !arg.startsWith("--out=")
          && !arg.startsWith("--resume=") && !arg.equals(command)) {
        kept.add(arg);
      }
    }
    kept.add("--resume");
    kept.add(dir.toString());
    return String.join(" ", kept.stream().map(TrainingOptions::quoted).toList());
  }

  private static String quoted(String arg) {
    return arg.matches("[A-Za-z0-9_./=:,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** {@code 10 epochs, batch 64, sgd(lr=0.02), seed 42, cpu}. */
  String describe(Optimizer optimizer, Device device) {
    return epochs + " epoch" + (epochs == 1 ? "" : "s") + ", batch " + batch + ", "
        + optimizer.describe() + ", seed" + (seeds == 1 ? " " + seed
        : "s " + seed + ".." + (seed + seeds - 1)) + ", " + device.name().toLowerCase(Locale.ROOT);
  }

  /** Training steps of one run over {@code examples} training examples. */
  long stepsPerRun(int examples) {
    return epochs * FitOptions.defaults().withBatchSize(batch).stepsPerEpoch(examples);
  }

  /** {@code TensorBoard runs in DIR (tensorboard --logdir DIR)}, if {@code --tensorboard} was given. */
  void printTensorBoardHint(PrintWriter text) {
    if (tensorboard != null) {
      text.println("TensorBoard runs in " + tensorboard + " (tensorboard --logdir " + tensorboard
          + ")");
    }
  }

  /**
   * A {@code --schemes} list read by the library ({@link Schemes#parseList}), a malformed list
   * named as the option.
   */
  static Map<String, Init> schemes(String list) {
    List<String> names;
    try {
      names = Schemes.split(list);
    } catch (IllegalArgumentException e) {
      throw new UserException("--schemes: " + e.getMessage());
    }
    return Schemes.named(names);
  }

  /** The data line: {@code <source> (8000 train, 2000 test)}. */
  static String describe(MnistSplit split, Dataset train, Dataset test) {
    return split.source() + " (" + train.size() + " train, " + test.size() + " test)";
  }

  /** The data as the results files and the report list it. */
  static Map<String, Object> data(MnistSplit split, Dataset train, Dataset test) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", split.source());
    data.put("train_examples", train.size());
    data.put("test_examples", test.size());
    return data;
  }

  /** {@code 27 in all; this is shard 1/4: 7 of them; 2 at once}. */
  static String describe(dev.primer.tf.compare.Execution execution, int runs) {
    dev.primer.tf.compare.Shard shard = execution.shard();
    return runs + " in all" + (shard.isAll() ? "" : "; this is shard " + shard + ": "
        + shard.size(runs) + " of them") + (execution.jobs() > 1 ? "; " + execution.jobs()
        + " at once" : "");
  }

  /**
   * For {@code --resume}: the line saying that the results there are of another shard than
   * {@code --shard} now asks for (a shard's results.json names its shard); empty if the same.
   */
  static List<String> shardDifference(dev.primer.samples.compare.SavedResults saved,
      dev.primer.tf.compare.Shard shard) {
    String then = dev.primer.samples.compare.ShardRecord.read(saved.root())
        .map(r -> r.shard().toString()).orElse("none");
    String now = shard.isAll() ? "none" : shard.toString();
    return then.equals(now) ? List.of()
        : List.of("shard: " + now + " now, " + then + " in the results");
  }

  private static String and(List<String> items) {
    return String.join(", ", items.subList(0, items.size() - 1)) + " and "
        + items.get(items.size() - 1);
  }
}
