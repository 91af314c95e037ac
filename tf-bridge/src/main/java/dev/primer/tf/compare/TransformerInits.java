package dev.primer.tf.compare;

import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * Where init decides most in a transformer: trained without learning-rate warm-up. A small
 * transformer encoder learns a synthetic sequence task (per-position output,
 * {@link Loss#SOFTMAX_CROSS_ENTROPY_PER_POSITION}) with Adam at a fixed rate from the first
 * step, once per {@link TransformerScheme} and seed ({@link TransformerInitsPlan} gives the net
 * of each scheme).
 * <pre>
 *   TransformerInitsResult result = TransformerInits.run(TransformerInitsPlan.defaults(),
 *       ComparisonListener.NONE);
 *   for (TransformerScheme scheme : result.plan().schemes()) {
 *     System.out.println(scheme.text() + " " + result.finalAccuracy(scheme).mean());
 *   }
 * </pre>
 *
 * <p>What the literature leads one to expect: a post-LN transformer trained by Adam without
 * warm-up often fails, because Adam's first updates are large where the gradients near the
 * output are large (Liu et al. 2020, "Understanding the Difficulty of Training Transformers";
 * Xiong et al. 2020). ReZero (Bachlechner et al. 2020) starts every block as the identity and
 * needs no layer norm; T-Fixup (Huang et al. 2020) scales the weights so that Adam's first
 * updates stay bounded; GPT-2 (Radford et al. 2019) scales each branch's output projection by
 * 1/sqrt(L); mimetic init (Trockman and Kolter 2023) starts attention looking at nearby
 * positions. The runs measure which of these holds on a net small enough for a laptop.
 *
 * <p>Every run uses the same data (seeded by the plan's data seed); a run's seed is its model
 * seed and its shuffle seed. Each epoch's test accuracy is the fraction of test positions
 * whose token is right; chance is 1/vocab. Statuses are {@link RunStatus#of} with vocab
 * classes. A run that diverges or fails is recorded as such and the others go on.
 */
public final class TransformerInits {
  private TransformerInits() {
    throw new AssertionError("no instances");
  }

  /**
   * Runs every (scheme, seed) of {@code plan}, schemes outer, seeds inner, telling {@code
   * listener} how it goes (run started, steps, run finished, runs so far; a stop it requests
   * ends the comparison before the next run). All nets are resolved first.
   *
   * @throws IllegalArgumentException before any training, if a scheme's net cannot be built
   */
  public static TransformerInitsResult run(TransformerInitsPlan plan,
      ComparisonListener listener) {
    plan.checkNets();
    InMemoryDataset train = plan.task().generate(plan.length(), plan.vocab(),
        plan.trainExamples(), plan.dataSeed());
    InMemoryDataset test = plan.task().generate(plan.length(), plan.vocab(),
        plan.testExamples(), plan.dataSeed() + 1);
    List<SchemeRun> runs = new ArrayList<>();
    int index = 0;
    for (TransformerScheme scheme : plan.schemes()) {
      for (long seed : plan.seeds()) {
        index++;
        if (listener.stopRequested()) {
          return new TransformerInitsResult(plan, runs);
        }
        listener.runStarted(index, plan.runs(), scheme.text(), seed);
        SchemeRun run = runOne(plan, scheme, seed, train, test, listener);
        runs.add(run);
        listener.runFinished(run);
        listener.runsSoFar(List.copyOf(runs));
      }
    }
    return new TransformerInitsResult(plan, runs);
  }

  private static SchemeRun runOne(TransformerInitsPlan plan, TransformerScheme scheme,
      long seed, InMemoryDataset train, InMemoryDataset test, ComparisonListener listener) {
    FitOptions options = FitOptions.defaults()
        .withLoss(Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION)
        .withOptimizer(plan.optimizer())
        .withBatchSize(plan.batchSize())
        .withEpochs(plan.epochs())
        .withShuffleSeed(seed)
        .withValidation(test);
    return OneRun.train(scheme.text(), seed, plan.net(scheme), plan.device(), options, train,
        plan.vocab(), plan.epochs(), listener);
  }
}
