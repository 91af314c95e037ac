package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.train.EpochStats;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * One (scheme, seed) run trained alone and recorded as every comparison records it (the MNIST
 * comparison, the transformer comparison): a model compiled from the spec and seed, fit with
 * the given options, the listener told of every step, an {@link EpochRow} per epoch from the
 * validation set, a {@link RunStatus} judged from the whole history, and a failure (a spec the
 * model refuses, an error in training) recorded as that run's status, so the other runs go on.
 */
final class OneRun {
  private OneRun() {
    throw new AssertionError("no instances");
  }

  /**
   * Trains {@code spec} from {@code seed} on {@code train} with {@code options}, whose
   * validation set gives each epoch's row.
   *
   * @param classes the classes per example (or per position), for the status's chance level
   */
  static SchemeRun train(String scheme, long seed, NetSpec spec, Device device,
      FitOptions options, Dataset train, int classes, int epochs, ComparisonListener listener) {
    long started = System.nanoTime();
    List<EpochRow> rows = new ArrayList<>();
    try (Model model = Model.compile(spec, seed, device)) {
      FitResult result = model.fit(train, options.withListener(new TrainingListener() {
        @Override
        public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
          listener.step(epoch, step, stepsPerEpoch, epochs, loss);
        }

        @Override
        public void onEpoch(EpochStats stats) {
          Evaluation v = stats.validation().orElseThrow();
          rows.add(new EpochRow(stats.epoch(), stats.trainLoss(), v.loss(), v.accuracy(),
              seconds(started)));
        }
      }));
      return new SchemeRun(scheme, seed, rows, RunStatus.of(result, rows, classes),
          seconds(started), model.dataInitReport().filter(r -> !r.isEmpty()));
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new SchemeRun(scheme, seed, rows, RunStatus.failed(reason), seconds(started));
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
