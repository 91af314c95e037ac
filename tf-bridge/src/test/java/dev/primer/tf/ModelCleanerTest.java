package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.internal.graph.GraphRelease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model nobody closes is released by the cleaner once it is unreachable, with one warning; a
 * closed one is released once, by close, and never again. The tests hold only each model's
 * {@link GraphRelease} (which never references the model), and ask the collector to run with
 * {@code System.gc()} until the releases are seen (at most 30 s; well under a second here).
 */
class ModelCleanerTest {
  private static final NetSpec NET = Net.parse("input(4).dense(3).softmax()");

  private final Logger logger = Logger.getLogger("dev.primer.tf.Model");
  private final List<String> warnings = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (warnings) {
        warnings.add(record.getLevel() + " " + record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
  }

  /** Compiles {@code n} models, runs each once and forgets them; only their releases remain. */
  private static List<GraphRelease> forgotten(int n, long firstSeed) {
    List<GraphRelease> releases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Model model = Model.compile(NET, firstSeed + i);
      model.predict(new float[4]);
      releases.add(model.release());
    }
    return releases;
  }

  private static void collectUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
  }

  private List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  @Test
  void unclosedModelsAreReleasedByTheCleanerWithOneWarningEach() throws InterruptedException {
    long before = GraphRelease.releasedUnclosedCount();

    List<GraphRelease> releases = forgotten(20, 1000);
    collectUntil(() -> releases.stream().allMatch(GraphRelease::released));

    assertThat(releases).allMatch(GraphRelease::releasedUnclosed, "released by the cleaner")
        .allMatch(r -> r.releases() == 1, "released once");
    assertThat(GraphRelease.releasedUnclosedCount() - before).isGreaterThanOrEqualTo(20);
    assertThat(warnings()).filteredOn(w -> w.contains("seed 10"))
        .hasSize(20)
        .allMatch(w -> w.startsWith("WARNING a Model (seed 10"))
        .contains("WARNING a Model (seed 1000, input(4).dense(3).softmax()) was not closed; its"
            + " native graph and session were released when it became unreachable. Close models"
            + " (try-with-resources) to free their native memory at once.");
  }

  @Test
  void aClosedModelIsReleasedOnceByCloseAndNeverByTheCleaner() throws InterruptedException {
    List<GraphRelease> closed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Model model = Model.compile(NET, 2000 + i);
      model.predict(new float[4]);
      model.close();
      model.close();
      closed.add(model.release());
    }
    assertThat(closed).allMatch(r -> r.releases() == 1 && !r.releasedUnclosed());

    // Forgotten after the closed ones: once the cleaner has released it, a collection has
    // found the closed models unreachable too, and their cleaning had its chance to run.
    List<GraphRelease> sentinel = forgotten(1, 3000);
    collectUntil(() -> sentinel.get(0).released());

    assertThat(sentinel.get(0).releasedUnclosed()).isTrue();
    assertThat(closed).allMatch(r -> r.releases() == 1, "released once, by close")
        .noneMatch(GraphRelease::releasedUnclosed);
    assertThat(warnings()).noneMatch(w -> w.contains("(seed 20"));
  }

  @Test
  void aClosedModelRefusesUseAndSaysSo() {
    Model model = Model.compile(NET, 1);
    model.close();
    assertThat(model.release().released()).isTrue();
    assertThat(model).hasToString("Model[input(4).dense(3).softmax(), seed 1, CPU, closed]");
  }
}
