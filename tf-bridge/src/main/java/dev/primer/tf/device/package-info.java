/**
 * The devices TensorFlow sees in this process, read through its C API.
 */
package dev.primer.tf.device;
