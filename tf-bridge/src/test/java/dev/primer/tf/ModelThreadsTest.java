package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Trainer;
import dev.primer.tf.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A model used from several threads: predict and evaluate give the same values as from one
 * thread, bitwise; a second fit fails at once with Primer's message; close waits for running
 * calls, which never meet TensorFlow's "close() has been called on the Graph". The tests wait on
 * latches, never on time; the class timeout only keeps a broken build from hanging.
 */
@Timeout(120)
class ModelThreadsTest {
  private static final NetSpec NET = Net.input(8).dense(32).relu().dropout(0.3).dense(3).softmax();
  private static final int THREADS = 8;

  /** Runs {@code task} on {@link #THREADS} threads released together; their results in order. */
  private static <T> List<T> onThreads(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void predictFromEightThreadsEqualsPredictFromOneBitwise() throws Exception {
    InMemoryDataset data = Fixtures.blobs(2500, 8, 3, 7); // three fed batches of up to 1024
    float[] x = Fixtures.features(data);
    try (Model model = Model.compile(NET, 21)) {
      model.fit(data, FitOptions.defaults().withBatchSize(64));
      float[] alone = model.predict(x);

      List<float[]> together = onThreads(() -> {
        float[] last = null;
        for (int i = 0; i < 4; i++) {
          last = model.predict(x);
        }
        return last;
      });

      assertThat(together).hasSize(THREADS).allSatisfy(p -> assertThat(p).isEqualTo(alone));
    }
  }

  @Test
  void evaluateFromEightThreadsOnAFreshModelEqualsEvaluateFromOneBitwise() throws Exception {
    InMemoryDataset data = Fixtures.blobs(2500, 8, 3, 8);
    Evaluation alone;
    try (Model twin = Model.compile(NET, 22)) {
      alone = twin.evaluate(data, Loss.MEAN_SQUARED_ERROR);
    }
    // the first evaluation with a loss builds its ops: all eight threads start it at once
    try (Model model = Model.compile(NET, 22)) {
      List<Evaluation> together = onThreads(() -> model.evaluate(data, Loss.MEAN_SQUARED_ERROR));

      assertThat(together).hasSize(THREADS).containsOnly(alone);
      assertThat(alone.classes()).isPresent();
    }
  }

  @Test
  void aSecondFitWhileOneRunsFailsAtOnceNamingTheSituation() throws Exception {
    InMemoryDataset data = Fixtures.blobs(256, 8, 3, 9);
    try (Model model = Model.compile(NET, 23)) {
      CountDownLatch inFit = new CountDownLatch(1);
      CountDownLatch tried = new CountDownLatch(1);
      TrainingListener holdAtFirstStep = new TrainingListener() {
        @Override
        public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
          if (epoch == 1 && step == 1) {
            inFit.countDown();
            await(tried);
          }
        }
      };
      ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "trainer-a"));
      try {
        Future<FitResult> first = pool.submit(() -> model.fit(data,
            FitOptions.defaults().withBatchSize(32).withListener(holdAtFirstStep)));
        inFit.await();
        String message = "fit: this model is already training (a fit is running on thread"
            + " 'trainer-a'); fit calls on one model cannot overlap — wait for it to return, or"
            + " train another model";
        assertThatThrownBy(() -> model.fit(data, FitOptions.defaults()))
            .isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatThrownBy(() -> new Trainer(model).fit(data, FitOptions.defaults()))
            .isInstanceOf(IllegalStateException.class).hasMessage(message);
        // predict still works meanwhile
        assertThat(model.predict(new float[8])).hasSize(3);
        tried.countDown();

        assertThat(first.get()).isInstanceOf(FitResult.Completed.class);
        // once it returned, fitting again is fine
        assertThat(model.fit(data, FitOptions.defaults())).isInstanceOf(FitResult.Completed.class);
      } finally {
        tried.countDown();
        pool.shutdownNow();
      }
    }
  }

  @Test
  void closeDuringFitWaitsForItAndTheFitStopsWithPrimersMessage() throws Exception {
    InMemoryDataset data = Fixtures.blobs(256, 8, 3, 10);
    Model model = Model.compile(NET, 24);
    CountDownLatch inFit = new CountDownLatch(1);
    TrainingListener holdUntilClosing = new TrainingListener() {
      @Override
      public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
        if (epoch == 1 && step == 1) {
          inFit.countDown();
          while (!model.toString().endsWith(", closed]")) { // close was asked for
            Thread.onSpinWait();
          }
        }
      }
    };
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<FitResult> fit = pool.submit(() -> model.fit(data,
          FitOptions.defaults().withBatchSize(32).withEpochs(3).withListener(holdUntilClosing)));
      inFit.await();
      model.close(); // returns once the fit has returned

      assertThat(model.release().released()).isTrue();
      assertThatThrownBy(fit::get).cause().isInstanceOf(IllegalStateException.class)
          .hasMessage("fit: the model was closed while it trained (epoch 1, before step 2);"
              + " training stopped there");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closeFromInsideAListenerReleasesWhenTheFitReturns() {
    InMemoryDataset data = Fixtures.blobs(64, 8, 3, 11);
    Model model = Model.compile(NET, 25);
    AtomicReference<Boolean> releasedInside = new AtomicReference<>();
    TrainingListener closer = new TrainingListener() {
      @Override
      public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
        model.close();
        releasedInside.compareAndSet(null, model.release().released());
      }
    };
    assertThatThrownBy(() -> model.fit(data, FitOptions.defaults().withBatchSize(16)
        .withListener(closer)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("fit: the model was closed while it trained (epoch 1, before step 2);"
            + " training stopped there");
    assertThat(releasedInside.get()).isFalse();
    assertThat(model.release().released()).isTrue();
  }

  @Test
  void predictRacingCloseFailsOnlyWithPrimersMessage() throws Exception {
    float[] x = Fixtures.features(Fixtures.blobs(512, 8, 3, 12));
    Model model = Model.compile(NET, 26);
    CountDownLatch running = new CountDownLatch(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Throwable>> ends = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        ends.add(pool.submit(() -> {
          boolean first = true;
          while (true) {
            try {
              model.predict(x);
            } catch (RuntimeException e) {
              return e;
            } finally {
              if (first) {
                running.countDown();
                first = false;
              }
            }
          }
        }));
      }
      running.await();
      model.close();

      for (Future<Throwable> end : ends) {
        assertThat(end.get()).isInstanceOf(IllegalStateException.class)
            .hasMessage("the model is closed");
      }
      assertThat(model.release().releases()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
