package dev.primer.samples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line naming the machine a benchmark ran on, for its header: the CPU model, the number of
 * processors Java sees, and the CPU flags that decide TensorFlow's kernels (vector widths, FMA,
 * VNNI, bf16, AMX), read from {@code /proc/cpuinfo}; where that file is missing, only the count.
 */
final class CpuLine {
  /** The flags worth naming, in this order, where the CPU has them. */
  private static final List<String> FLAGS = List.of("avx2", "fma", "avx512f", "avx512bw",
      "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_tile", "amx_bf16", "amx_int8");

  private CpuLine() {}

  static String describe() {
    int cores = Runtime.getRuntime().availableProcessors();
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException e) {
      return cores + " processors (no /proc/cpuinfo)";
    }
    String model = value(lines, "model name");
    Set<String> has = Set.of(value(lines, "flags").split("\\s+"));
    String flags = FLAGS.stream().filter(has::contains).collect(Collectors.joining(" "));
    String missing = Arrays.stream(new String[] {"avx512_bf16", "amx_bf16"})
        .filter(f -> !has.contains(f)).map(f -> "no " + f).collect(Collectors.joining(", "));
    return model + ", " + cores + " processors, flags " + flags
        + (missing.isEmpty() ? "" : " (" + missing + ")");
  }

  private static String value(List<String> lines, String key) {
    return lines.stream().filter(l -> l.startsWith(key)).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
  }
}
