package dev.primer.samples.cli;

import dev.primer.tf.Device;
import picocli.CommandLine.Option;

/** {@code --device cpu|gpu}, shared by every command that runs TensorFlow. */
final class DeviceOption {

  @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
      converter = DeviceConverter.class,
      description = "Where TensorFlow runs. gpu needs PRIMER_GPU=1 (the GPU build). "
          + "Default: ${DEFAULT-VALUE}.")
  Device device;
}
