package dev.primer.tf.device;

/**
 * A device TensorFlow can run ops on.
 *
 * @param name TensorFlow's full name: {@code /job:localhost/replica:0/task:0/device:GPU:0}
 * @param type {@code CPU} or {@code GPU}
 * @param memoryBytes memory TensorFlow reports for it
 */
public record VisibleDevice(String name, String type, long memoryBytes) {}
