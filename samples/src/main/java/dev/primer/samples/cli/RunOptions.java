package dev.primer.samples.cli;

import dev.primer.tf.Device;
import dev.primer.tf.data.MnistSplit;
import picocli.CommandLine.Mixin;

/**
 * The options of every command that runs a net on MNIST: {@code --device}, where the data comes
 * from ({@link DataOptions}) and {@code --debug}. One mixin, so each command names it once.
 */
final class RunOptions {

  @Mixin
  DeviceOption deviceOption;

  @Mixin
  DataOptions dataOptions;

  @Mixin
  DebugOption debugOption;

  /** Where TensorFlow runs. */
  Device device() {
    return deviceOption.device;
  }

  /** The data the options name, with download messages on stderr. */
  MnistSplit load() {
    return dataOptions.load(System.err);
  }
}
