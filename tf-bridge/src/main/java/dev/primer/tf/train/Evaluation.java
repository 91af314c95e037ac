package dev.primer.tf.train;

import java.util.Objects;
import java.util.Optional;

/**
 * Loss and accuracy of a model on a data set, at inference (dropout off, batch norm's moving
 * statistics), and, where the target is a class, the confusion matrix and top-k accuracy.
 *
 * @param loss mean loss per example
 * @param accuracy fraction of examples classified right, as {@link Loss} defines it for the
 *     loss (largest output, or sigmoid thresholded at 0.5 for binary cross-entropy); NaN when
 *     the targets have one value each, except for binary cross-entropy
 * @param examples how many examples were evaluated
 * @param classes per-class figures and top-k accuracy when the targets have more than one value
 *     each, else empty
 */
public record Evaluation(double loss, double accuracy, int examples,
    Optional<ClassMetrics> classes) {

  /** @throws NullPointerException if {@code classes} is null (empty means none) */
  public Evaluation {
    Objects.requireNonNull(classes, "classes");
  }

  /** An evaluation without class metrics (targets of one value each). */
  public Evaluation(double loss, double accuracy, int examples) {
    this(loss, accuracy, examples, Optional.empty());
  }
}
