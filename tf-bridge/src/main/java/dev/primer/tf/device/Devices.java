package dev.primer.tf.device;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.ConfigProto;

/**
 * The devices TensorFlow sees in this process. TensorFlow Java 1.0.0's public API has no device
 * list, so this asks the C API ({@code TF_SessionListDevices}) through the bindings the library
 * ships; it costs one throwaway session (about half a second).
 */
public final class Devices {
  private Devices() {
    throw new AssertionError("no instances");
  }

  private static volatile List<VisibleDevice> cached;

  /** Every visible device, CPU first; computed once per process. */
  public static List<VisibleDevice> visible() {
    List<VisibleDevice> result = cached;
    if (result == null) {
      synchronized (Devices.class) {
        if (cached == null) {
          cached = List.copyOf(list());
        }
        result = cached;
      }
    }
    return result;
  }

  /** The visible GPUs (empty on a CPU-only build or host). */
  public static List<VisibleDevice> gpus() {
    return visible().stream().filter(d -> d.type().equals("GPU")).toList();
  }

  private static List<VisibleDevice> list() {
    TensorFlow.version(); // loads the native library
    List<VisibleDevice> devices = new ArrayList<>();
    TF_Status status = TF_Status.newStatus();
    TF_Graph graph = TF_Graph.newGraph();
    TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
    try {
      byte[] config = ConfigProto.newBuilder()
          .setGpuOptions(org.tensorflow.proto.GPUOptions.newBuilder().setAllowGrowth(true))
          .build().toByteArray();
      tensorflow.TF_SetConfig(options, new BytePointer(config), config.length, status);
      status.throwExceptionIfNotOK();
      TF_Session session = TF_Session.newSession(graph, options, status);
      status.throwExceptionIfNotOK();
      try {
        TF_DeviceList list = tensorflow.TF_SessionListDevices(session, status);
        status.throwExceptionIfNotOK();
        for (int i = 0; i < tensorflow.TF_DeviceListCount(list); i++) {
          devices.add(new VisibleDevice(
              tensorflow.TF_DeviceListName(list, i, status).getString(),
              tensorflow.TF_DeviceListType(list, i, status).getString(),
              tensorflow.TF_DeviceListMemoryBytes(list, i, status)));
        }
        tensorflow.TF_DeleteDeviceList(list);
      } finally {
        session.close(); // its deallocator closes and deletes the session: never delete it twice
      }
    } finally {
      options.close();
      graph.close();
      status.close();
    }
    return devices;
  }
}
