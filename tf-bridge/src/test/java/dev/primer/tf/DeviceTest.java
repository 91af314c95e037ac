package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primer.dsl.Net;
import dev.primer.tf.device.Devices;
import dev.primer.tf.device.VisibleDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Devices as TensorFlow sees them, and a GPU request on a host without one. */
class DeviceTest {

  @Test
  void theCpuIsVisibleFirstAndTheListIsComputedOnce() {
    List<VisibleDevice> visible = Devices.visible();

    assertThat(visible).isNotEmpty();
    assertThat(visible.get(0).type()).isEqualTo("CPU");
    assertThat(visible.get(0).name()).endsWith("/device:CPU:0");
    assertThat(visible.get(0).memoryBytes()).isPositive();
    assertThat(Devices.visible()).isSameAs(visible);
    assertThat(Devices.gpus()).allMatch(d -> d.type().equals("GPU"));
  }

  @Test
  void askingForAGpuWhereNoneIsVisibleSaysWhatWasLookedForAndFound() {
    assumeTrue(Devices.gpus().isEmpty(), "this host has a GPU");

    assertThatThrownBy(() -> Model.compile(Net.input(4).dense(2), 1, Device.GPU))
        .isInstanceOf(DeviceUnavailableException.class)
        .isInstanceOf(IllegalStateException.class)
        .message()
        .startsWith("a GPU was asked for, but TensorFlow sees none: it looked for devices of"
            + " type GPU (TF_SessionListDevices) and found only ["
            + Devices.visible().get(0).name())
        .contains("the GPU build of TensorFlow Java (build with -Pgpu",
            "libcudart.so.12", "libcudnn.so.9", "Use --device cpu to run on the CPU.");
  }

  @Test
  void theCpuDeviceCompilesAndIsTheDefault() {
    try (Model model = Model.compile(Net.input(4).dense(2), 1)) {
      assertThat(model.device()).isEqualTo(Device.CPU);
      assertThat(model.toString()).isEqualTo("Model[input(4).dense(2), seed 1, CPU]");
    }
  }
}
