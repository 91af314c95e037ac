package dev.primer.tf.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.CloseSummaryWriter;
import org.tensorflow.op.summary.CreateSummaryFileWriter;
import org.tensorflow.op.summary.FlushSummaryWriter;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.op.summary.WriteScalarSummary;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Writes scalars (a loss, an accuracy) per step into a TensorBoard event file, with TensorFlow's
 * own summary ops ({@code CreateSummaryFileWriter}, {@code WriteScalarSummary}), so the file is
 * exactly what TensorBoard expects: {@code events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2} in
 * the run directory, a TFRecord stream of {@code Event} protos, the first saying
 * {@code brain.Event:2}, then one {@code simple_value} per scalar.
 * <pre>
 *   try (TensorBoardWriter tb = TensorBoardWriter.open(Path.of("tb", "he_normal-seed42"))) {
 *     tb.scalar("train_loss", epoch, loss);
 *   }
 * </pre>
 * Point TensorBoard at the parent directory ({@code tensorboard --logdir tb}): each
 * subdirectory is a run. The writer has a graph and session of its own, separate from any
 * model's. It is not safe for use by several threads at once; close it to flush the file.
 */
public final class TensorBoardWriter implements AutoCloseable {
  /** Makes each writer's resource name unique in the process (unnamed resources are shared). */
  private static final AtomicLong WRITERS = new AtomicLong();

  private final Path directory;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TString> tag;
  private final Placeholder<TInt64> step;
  private final Placeholder<TFloat32> value;
  private final WriteScalarSummary writeScalar;
  private final FlushSummaryWriter flush;
  private final CloseSummaryWriter closeWriter;
  private boolean closed;

  private TensorBoardWriter(Path directory) throws IOException {
    this.directory = directory;
    this.graph = new Graph();
    Session opened = null;
    try {
      Ops tf = Ops.create(graph);
      SummaryWriter writer = tf.summary.summaryWriter(
          SummaryWriter.sharedName("primer_tensorboard_" + WRITERS.incrementAndGet()));
      CreateSummaryFileWriter create = tf.summary.createSummaryFileWriter(writer,
          tf.constant(directory.toString()), tf.constant(100), tf.constant(5_000),
          tf.constant(".v2"));
      tag = tf.placeholder(TString.class);
      step = tf.placeholder(TInt64.class);
      value = tf.placeholder(TFloat32.class);
      writeScalar = tf.summary.writeScalarSummary(writer, step, tag, value);
      flush = tf.summary.flushSummaryWriter(writer);
      closeWriter = tf.summary.closeSummaryWriter(writer);
      opened = new Session(graph);
      opened.run(create);
      opened.run(flush);
    } catch (TensorFlowException e) {
      if (opened != null) {
        opened.close();
      }
      graph.close();
      throw new IOException("TensorBoard: cannot write an event file in " + directory + ": "
          + e.getMessage(), e);
    }
    this.session = opened;
  }

  /**
   * Opens a new event file in {@code directory} (created with its parents if needed). A
   * directory that already holds event files gets one more; TensorBoard then shows both.
   *
   * @throws IOException if the directory cannot be created or written
   */
  public static TensorBoardWriter open(Path directory) throws IOException {
    Files.createDirectories(directory);
    return new TensorBoardWriter(directory.toAbsolutePath());
  }

  /** The run directory the event file is in. */
  public Path directory() {
    return directory;
  }

  /**
   * Records {@code value} for {@code tag} at {@code step} (TensorBoard's x axis), stored as a
   * 32-bit float.
   *
   * @throws IllegalArgumentException if {@code tag} is empty
   * @throws IllegalStateException if the writer is closed
   */
  public void scalar(String tag, long step, double value) {
    if (tag == null || tag.isEmpty()) {
      throw new IllegalArgumentException("TensorBoard: a scalar needs a non-empty tag");
    }
    checkOpen();
    try (TString t = TString.scalarOf(tag);
         TInt64 s = TInt64.scalarOf(step);
         TFloat32 v = TFloat32.scalarOf((float) value)) {
      session.runner().feed(this.tag, t).feed(this.step, s).feed(this.value, v)
          .addTarget(writeScalar).run().close();
    }
  }

  /** Writes what is queued to the file. */
  public void flush() {
    checkOpen();
    session.run(flush);
  }

  /** Flushes and closes the event file, then the graph and session. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      session.run(flush);
      session.run(closeWriter);
    } finally {
      session.close();
      graph.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("TensorBoard: the writer for " + directory
          + " is closed");
    }
  }
}
