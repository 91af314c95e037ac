package dev.primer.tf.compare;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.train.OptimizerNames;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a transfer comparison runs ({@link Transfer#run}): pretrain a net on the digits
 * {@code 0 .. split - 1}, keep its body, and fine-tune a new head on the digits
 * {@code split .. 9} once per head initializer, the body taken {@code from(...)} the saved
 * weights and frozen. An immutable value; each {@code with…} returns a changed copy, and
 * {@link #defaults()} is what {@code primer transfer} runs without options.
 *
 * @param pretrain the pretraining net, with its input shape; its output has {@code split} classes
 * @param bodyLayers how many of its first layers are the body that is kept
 * @param head the new layers after the body (no input), ending in {@code 10 - split} classes
 * @param pretrainEpochs passes over the pretraining set
 * @param split the first digit of the fine-tuning task: pretrain on digits below it
 * @param trainSize examples per task: the first {@code trainSize} training images of its digits
 * @param fineTune the comparison of head inits: schemes, epochs, batch, optimizer, seeds,
 *     device (its spec is replaced by {@link #fineTuneSpec}); pretraining uses the same batch,
 *     optimizer, device and first seed
 */
public record TransferPlan(NetSpec pretrain, int bodyLayers, NetSpec head, int pretrainEpochs,
    int split, int trainSize, ComparisonPlan fineTune) {

  /** Default pretraining net: two ReLU layers on 784 inputs, 5 classes (digits 0-4). */
  public static final String DEFAULT_PRETRAIN =
      "input(784).dense(128).relu().dense(64).relu().dense(5).softmax()";
  /** Default body: the two hidden layers of {@link #DEFAULT_PRETRAIN}. */
  public static final int DEFAULT_BODY_LAYERS = 2;
  /** Default new head: one softmax layer for the 5 digits 5-9. */
  public static final String DEFAULT_HEAD = "dense(5).softmax()";
  /** Default head initializers, in the order they run. */
  public static final String DEFAULT_SCHEMES =
      "zeros,normal(0,1),glorot_uniform,he_normal,lecun_normal,orthogonal";
  /** Default epochs, pretraining and fine-tuning alike: short, as the default run should be. */
  public static final int DEFAULT_EPOCHS = 2;
  /**
   * Default optimizer, by its {@link OptimizerNames name}, with that name's default rate (0.1):
   * a short run of few steps needs a larger rate than the comparison's momentum at 0.01.
   */
  public static final String DEFAULT_OPTIMIZER = "sgd";
  /** Default first digit of the fine-tuning task. */
  public static final int DEFAULT_SPLIT = 5;
  /** Default training images per task (the embedded set has about 4,000 of each half). */
  public static final int DEFAULT_TRAIN_SIZE = 1000;

  /**
   * @throws IllegalArgumentException naming the value, for a pretraining net without input, a
   *     body that is not 1 .. its layers - 1, a head with its own input, epochs or train size
   *     below 1, or a split outside 1 .. 9
   */
  public TransferPlan {
    if (pretrain.input().isEmpty()) {
      throw new IllegalArgumentException("the pretraining net needs its input shape: start it"
          + " with input(...)");
    }
    if (bodyLayers < 1 || bodyLayers >= pretrain.layers().size()) {
      throw new IllegalArgumentException("the body must be 1 to " + (pretrain.layers().size() - 1)
          + " layers of the pretraining net (its head is not kept), got " + bodyLayers);
    }
    if (head.input().isPresent()) {
      throw new IllegalArgumentException("the head goes after the body: write it without"
          + " input(...), got " + head);
    }
    if (pretrainEpochs < 1 || trainSize < 1) {
      throw new IllegalArgumentException("pretraining epochs and train size must be >= 1, got "
          + pretrainEpochs + " and " + trainSize);
    }
    if (split < 1 || split > 9) {
      throw new IllegalArgumentException("the split digit must be 1 to 9, got " + split);
    }
  }

  /**
   * The defaults: {@link #DEFAULT_PRETRAIN}, body of 2 layers, head {@link #DEFAULT_HEAD},
   * digits 0-4 then 5-9, 1,000 training images per task, 2 epochs each, the head schemes
   * {@link #DEFAULT_SCHEMES}, batch 64, plain SGD with rate 0.1, seed 42, CPU; each fine-tuning
   * run trains alone ({@link RunGrouping#SEPARATE}), as {@code primer transfer} shows it.
   */
  public static TransferPlan defaults() {
    return new TransferPlan(Net.parse(DEFAULT_PRETRAIN), DEFAULT_BODY_LAYERS,
        Net.parse(DEFAULT_HEAD), DEFAULT_EPOCHS, DEFAULT_SPLIT, DEFAULT_TRAIN_SIZE,
        ComparisonPlan.defaults().withSchemes(Schemes.parseList(DEFAULT_SCHEMES))
            .withEpochs(DEFAULT_EPOCHS).withOptimizer(OptimizerNames.of(DEFAULT_OPTIMIZER))
            .withGrouping(RunGrouping.SEPARATE));
  }

  /**
   * The fine-tuning net: the pretraining net's body with every parameter
   * {@code from(saved, name)} and frozen ({@link NetSpec#frozenFrom}), then the head.
   *
   * @param saved the directory the pretrained model was saved into ({@code Model.save})
   */
  public NetSpec fineTuneSpec(Path saved) {
    return pretrain.firstLayers(bodyLayers).frozenFrom(saved.toString()).then(head);
  }

  /**
   * Refuses, before anything is trained or written, a pretraining net that does not end in
   * {@link #pretrainClasses} outputs and a fine-tuning net (body then head) that does not end in
   * {@link #fineTuneClasses}, or a head that cannot follow the body. {@link Transfer#run} calls
   * it first.
   *
   * @throws IllegalArgumentException {@code the fine-tuning net ends in 10 outputs, but its task
   *     has 5 classes (digits): …}
   */
  public void checkNets() {
    checkOutputs("pretraining", pretrain, pretrainClasses());
    checkOutputs("fine-tuning", pretrain.firstLayers(bodyLayers).then(head), fineTuneClasses());
  }

  private static void checkOutputs(String which, NetSpec net, int classes) {
    long outputs = net.resolve().output().size();
    if (outputs != classes) {
      throw new IllegalArgumentException("the " + which + " net ends in " + outputs
          + " outputs, but its task has " + classes + " classes (digits): " + net);
    }
  }

  /** Number of classes the pretraining task has: the digits below {@link #split}. */
  public int pretrainClasses() {
    return split;
  }

  /** Number of classes the fine-tuning task has: the digits from {@link #split} to 9. */
  public int fineTuneClasses() {
    return 10 - split;
  }

  /** Another pretraining net. */
  public TransferPlan withPretrain(NetSpec pretrain, int bodyLayers) {
    return new TransferPlan(pretrain, bodyLayers, head, pretrainEpochs, split, trainSize, fineTune);
  }

  /** Another head. */
  public TransferPlan withHead(NetSpec head) {
    return new TransferPlan(pretrain, bodyLayers, head, pretrainEpochs, split, trainSize, fineTune);
  }

  /** Other pretraining epochs. */
  public TransferPlan withPretrainEpochs(int pretrainEpochs) {
    return new TransferPlan(pretrain, bodyLayers, head, pretrainEpochs, split, trainSize, fineTune);
  }

  /** Another number of training images per task. */
  public TransferPlan withTrainSize(int trainSize) {
    return new TransferPlan(pretrain, bodyLayers, head, pretrainEpochs, split, trainSize, fineTune);
  }

  /** Another fine-tuning comparison (schemes, epochs, batch, optimizer, seeds, device). */
  public TransferPlan withFineTune(ComparisonPlan fineTune) {
    return new TransferPlan(pretrain, bodyLayers, head, pretrainEpochs, split, trainSize, fineTune);
  }

  /**
   * The plan as the results files list it: the fine-tuning options, then pretrain (net, body
   * layers, epochs), head, split and train size.
   */
  public Map<String, Object> options() {
    Map<String, Object> options = new java.util.LinkedHashMap<>(fineTune.options());
    options.put("pretrain", pretrain.toString());
    options.put("body_layers", bodyLayers);
    options.put("pretrain_epochs", pretrainEpochs);
    options.put("head", head.toString());
    options.put("split", split);
    options.put("train_size", trainSize);
    return options;
  }
}
