package dev.primer.tf;

import dev.primer.tf.device.Devices;
import dev.primer.tf.device.VisibleDevice;
import java.util.List;
import java.util.Optional;
import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/** Where a model's ops run. */
public enum Device {
  /**
   * TensorFlow's CPU kernels, the default. GPUs are hidden from the session even on the GPU build,
   * so results are the same everywhere.
   */
  CPU,
  /**
   * The first GPU, with ops that have no GPU kernel placed on the CPU. Needs the GPU build of the
   * native library ({@code mvn -Pgpu}, {@code PRIMER_GPU=1 ./primer}, {@code -Dprimer.gpu} in an
   * app's build) and the CUDA 12 / cuDNN 9 libraries TensorFlow 2.18 loads at run time.
   */
  GPU;

  /**
   * The device ops are pinned to, if any: for code that builds a graph of its own on this
   * device (a model's graph, the runs of a comparison trained together).
   */
  public Optional<DeviceSpec> spec() {
    return this == GPU
        ? Optional.of(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU)
            .deviceIndex(0).build())
        : Optional.empty();
  }

  /** The session options for this device, for a session on a graph built for it. */
  public ConfigProto sessionConfig() {
    ConfigProto.Builder config = ConfigProto.newBuilder();
    if (this == CPU) {
      config.putDeviceCount("GPU", 0);
    } else {
      config.setAllowSoftPlacement(true)
          .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
    }
    return config.build();
  }

  /**
   * The session options for this device with {@code threads} threads of the session's own (0:
   * TensorFlow's pools shared by every session of the process, as {@link #sessionConfig()}):
   * TensorFlow's {@code use_per_session_threads}, {@code threads} intra-op and as many inter-op
   * threads. Why a model or a lane may want one thread of its own: {@link
   * CompileOptions#withThreads}.
   *
   * @throws IllegalArgumentException if {@code threads} is negative
   */
  public ConfigProto sessionConfig(int threads) {
    checkThreads(threads, "");
    if (threads == 0) {
      return sessionConfig();
    }
    return sessionConfig().toBuilder().setUsePerSessionThreads(true)
        .setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads).build();
  }

  /**
   * Checks a session's thread count, 0 or more; the message starts with {@code owner}.
   *
   * @throws IllegalArgumentException {@code "compile: threads must be 0 (TensorFlow's shared
   *     pools) or more, got -1"}
   */
  static void checkThreads(int threads, String owner) {
    if (threads < 0) {
      throw new IllegalArgumentException(owner + "threads must be 0 (TensorFlow's shared pools)"
          + " or more, got " + threads);
    }
  }

  /**
   * Checks the device can be used.
   *
   * @throws DeviceUnavailableException for a GPU request where TensorFlow sees no GPU
   */
  void check() {
    if (this == GPU && Devices.gpus().isEmpty()) {
      List<VisibleDevice> seen = Devices.visible();
      throw new DeviceUnavailableException("a GPU was asked for, but TensorFlow sees none: it"
          + " looked for devices of type GPU (TF_SessionListDevices) and found only "
          + seen.stream().map(VisibleDevice::name).toList()
          + ". The GPU needs the GPU build of TensorFlow Java (build with -Pgpu, or run"
          + " PRIMER_GPU=1 ./primer ...), an NVIDIA driver, and the CUDA 12 and cuDNN 9"
          + " libraries (libcudart.so.12, libcudnn.so.9) on the library path. Use --device cpu"
          + " to run on the CPU.");
    }
  }
}
