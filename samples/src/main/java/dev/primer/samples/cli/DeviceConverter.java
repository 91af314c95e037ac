package dev.primer.samples.cli;

import dev.primer.tf.Device;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --device cpu|gpu}. */
final class DeviceConverter implements ITypeConverter<Device> {
  @Override
  public Device convert(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "cpu" -> Device.CPU;
      case "gpu" -> Device.GPU;
      default -> throw new TypeConversionException(
          "'" + value + "' is not a device; allowed: cpu, gpu");
    };
  }
}
