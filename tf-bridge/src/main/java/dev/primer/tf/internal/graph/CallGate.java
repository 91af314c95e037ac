package dev.primer.tf.internal.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * A model's lifetime across threads: every call that runs its session holds a {@link Call} for
 * as long as it runs; {@link #close} refuses new calls at once, waits for the running ones and
 * then releases the native graph, so no call ever meets TensorFlow's own "close() has been called
 * on the Graph". At most one training call runs at a time ({@link #enterTraining}).
 *
 * <p>A call asked to close from inside itself (a training listener that closes the model) does
 * not wait for itself: the release then happens when the last running call ends. A long call
 * (fit) asks {@link Call#closeRequested} between steps and stops there.
 *
 * <p>Internal: an application that calls this gets no compatibility promise.
 */
public final class CallGate {
  private final Runnable release;
  /** Running calls per thread (a call may enter again from within itself: fit's validation). */
  private final Map<Thread, Integer> running = new HashMap<>();
  private int active;
  private Thread training;
  private boolean closed;
  private boolean released;

  /** A gate that runs {@code release} once, when closed and no call is running. */
  public CallGate(Runnable release) {
    this.release = release;
  }

  /** One running call; closing it ends the call (exactly once). */
  public final class Call implements AutoCloseable {
    private final boolean isTraining;
    private boolean ended;

    private Call(boolean isTraining) {
      this.isTraining = isTraining;
    }

    /** Whether the model's close was asked for while this call runs: stop at the next step. */
    public boolean closeRequested() {
      return isClosed();
    }

    /** Ends the call; the last call to end after a close releases the model. */
    @Override
    public void close() {
      synchronized (CallGate.this) {
        if (ended) {
          return;
        }
        ended = true;
        exit(isTraining);
      }
    }
  }

  /**
   * Starts a call.
   *
   * @throws IllegalStateException {@code the model is closed} once close was asked for
   */
  public synchronized Call enter() {
    checkOpen();
    running.merge(Thread.currentThread(), 1, Integer::sum);
    active++;
    return new Call(false);
  }

  /**
   * Starts a training call, the only one of the model while it runs.
   *
   * @throws IllegalStateException {@code the model is closed}, or naming the thread whose fit is
   *     running when one is
   */
  public synchronized Call enterTraining() {
    checkOpen();
    if (training != null) {
      throw new IllegalStateException("fit: this model is already training (a fit is running on"
          + " thread '" + training.getName() + "'); fit calls on one model cannot overlap —"
          + " wait for it to return, or train another model");
    }
    training = Thread.currentThread();
    running.merge(training, 1, Integer::sum);
    active++;
    return new Call(true);
  }

  /** @throws IllegalStateException {@code the model is closed} once close was asked for */
  public synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
  }

  /** Whether close was asked for. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Whether a training call is running now. */
  public synchronized boolean isTraining() {
    return training != null;
  }

  private void exit(boolean wasTraining) {
    Thread me = Thread.currentThread();
    running.computeIfPresent(me, (t, n) -> n == 1 ? null : n - 1);
    active--;
    if (wasTraining) {
      training = null;
    }
    if (active == 0) {
      notifyAll();
      if (closed) {
        releaseOnce();
      }
    }
  }

  /**
   * Refuses new calls, waits until the running ones have ended (unless the closing thread runs
   * one itself: then the last one to end releases), and releases. Closing again does nothing.
   * An interrupt does not stop the wait; it is kept on the thread.
   */
  public void close() {
    boolean interrupted = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (!running.containsKey(Thread.currentThread())) {
        while (active > 0) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        releaseOnce();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void releaseOnce() {
    if (!released && active == 0) {
      released = true;
      release.run();
    }
  }
}
