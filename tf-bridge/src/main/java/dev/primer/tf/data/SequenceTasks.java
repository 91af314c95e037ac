package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthetic sequence-to-sequence tasks with an answer at every position, for the sequence layers
 * (embedding, positions, attention) and the per-position loss
 * ({@link dev.primer.tf.train.Loss#SOFTMAX_CROSS_ENTROPY_PER_POSITION}). An example is a
 * sequence of {@code length} tokens drawn uniformly from {@code 0 .. vocab - 1}, given as
 * floats (example shape {@code [length]}, the input an {@code embedding(vocab, dim)} reads); its
 * target is a token per position, one-hot: {@code length * vocab} values, read as [length,
 * vocab] (the output of a per-position {@code dense(vocab).softmax()}).
 * <ul>
 *   <li>{@link #reverse}: the sequence backwards, y_t = x_{T-1-t}. Each output position needs
 *       the token at one other position: attention must learn to look at the mirrored position.
 *   <li>{@link #sort}: the tokens in ascending order. Each output position depends on the whole
 *       sequence (its rank statistics).
 * </ul>
 * Guessing gives accuracy 1/vocab per position ({@link #chance}); a net that only learns the
 * distribution of tokens stays there on reverse (the tokens are uniform and independent), a
 * little above it on sort (the first positions of a sorted sequence are likely small).
 */
public final class SequenceTasks {
  private SequenceTasks() {
    throw new AssertionError("no instances");
  }

  /**
   * {@code examples} sequences and their reversals, the same for the same arguments.
   *
   * @throws IllegalArgumentException if a count is &lt; 1 or vocab &lt; 2
   */
  public static InMemoryDataset reverse(int length, int vocab, int examples, long seed) {
    return generate("reverse", length, vocab, examples, seed, tokens -> {
      int[] out = new int[tokens.length];
      for (int t = 0; t < tokens.length; t++) {
        out[t] = tokens[tokens.length - 1 - t];
      }
      return out;
    });
  }

  /**
   * {@code examples} sequences and the same tokens sorted ascending, the same for the same
   * arguments.
   *
   * @throws IllegalArgumentException if a count is &lt; 1 or vocab &lt; 2
   */
  public static InMemoryDataset sort(int length, int vocab, int examples, long seed) {
    return generate("sort", length, vocab, examples, seed, tokens -> {
      int[] out = tokens.clone();
      Arrays.sort(out);
      return out;
    });
  }

  /** The accuracy per position of guessing: 1 / vocab. */
  public static double chance(int vocab) {
    return 1.0 / vocab;
  }

  /**
   * A data set of token sequences with a class per position: {@code tokens} [examples * length]
   * row-major (whole numbers, the input of an embedding), {@code labels} [examples * length]
   * each in [0, classes), written as one-hot targets of {@code length * classes} values per
   * example: how class ids per position become the targets of the per-position loss.
   *
   * @throws IllegalArgumentException if the lengths do not match or a label is out of range,
   *     naming the example and position
   */
  public static InMemoryDataset ofPositionLabels(float[] tokens, int length, int[] labels,
      int classes) {
    if (length < 1 || classes < 2) {
      throw new IllegalArgumentException("position labels: length must be >= 1 and classes >= 2,"
          + " got " + length + " and " + classes);
    }
    if (tokens.length != labels.length || tokens.length % length != 0) {
      throw new IllegalArgumentException("position labels: " + tokens.length + " tokens and "
          + labels.length + " labels do not make whole sequences of " + length);
    }
    float[] targets = new float[Math.multiplyExact(labels.length, classes)];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("position labels: example " + i / length
            + " position " + i % length + " has label " + labels[i] + ", not in [0, "
            + classes + ")");
      }
      targets[i * classes + labels[i]] = 1f;
    }
    return InMemoryDataset.ofTargets(tokens, Shape.of(length), targets,
        Math.multiplyExact(length, classes));
  }

  private interface Answer {
    int[] of(int[] tokens);
  }

  private static InMemoryDataset generate(String task, int length, int vocab, int examples,
      long seed, Answer answer) {
    if (length < 1 || examples < 1 || vocab < 2) {
      throw new IllegalArgumentException(task + ": length and examples must be >= 1 and vocab"
          + " >= 2, got length " + length + ", vocab " + vocab + ", examples " + examples);
    }
    SplittableRandom random = new SplittableRandom(Seeds.forPurpose(seed, "sequence " + task));
    int n = Math.multiplyExact(examples, length);
    float[] tokens = new float[n];
    int[] labels = new int[n];
    int[] sequence = new int[length];
    for (int e = 0; e < examples; e++) {
      for (int t = 0; t < length; t++) {
        sequence[t] = random.nextInt(vocab);
        tokens[e * length + t] = sequence[t];
      }
      System.arraycopy(answer.of(sequence), 0, labels, e * length, length);
    }
    return ofPositionLabels(tokens, length, labels, vocab);
  }
}
