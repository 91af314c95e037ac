package dev.primer.tf.diagnose;

/**
 * One measure of a coordinate check: the mean absolute value of one layer's output before its
 * activation ({@code x W + b}, times muP's multiplier on the output layer: its logits), over
 * the batch and the units, for one net after {@code step} training steps.
 *
 * @param parametrization {@code standard} or {@code mup(64)}
 * @param width the net's hidden width
 * @param seed the model's seed
 * @param step training steps taken before the measure (0: at initialization)
 * @param layer the layer's name ({@code dense_2})
 * @param meanAbs mean |value| over the batch and the layer's units
 */
public record CoordinateSize(String parametrization, int width, long seed, int step,
    String layer, double meanAbs) {}
