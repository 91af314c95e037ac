package dev.primer.tf.summary;

/**
 * One scalar read back from an event file.
 *
 * @param tag its name, such as {@code train_loss}
 * @param step TensorBoard's x axis (Primer writes the epoch)
 * @param value the value, a 32-bit float in the file
 * @param wallTime seconds since the Unix epoch when it was written
 */
public record ScalarEvent(String tag, long step, float value, double wallTime) {}
