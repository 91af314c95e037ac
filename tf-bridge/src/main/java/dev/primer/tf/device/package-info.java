/**
 * The devices TensorFlow sees in this process, read through its C API, and the CPU speed-ups
 * of this machine ({@link dev.primer.tf.device.CpuFeatures}).
 */
package dev.primer.tf.device;
