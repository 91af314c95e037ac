package dev.primer.tf.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CPU speed-ups this machine has for TensorFlow's kernels, read from the kernel's CPU
 * description ({@code /proc/cpuinfo} on Linux). What each one buys through TensorFlow's oneDNN
 * kernels:
 * <ul>
 *   <li>AMX ({@code amx_bf16}, {@code amx_tile}; Intel Sapphire Rapids and later): bf16 matrix
 *   tiles, several times the fp32 MatMul rate (~4x measured on a 2-core Xeon) — the case where
 *   mixed precision pays;
 *   <li>AVX512-BF16 ({@code avx512_bf16}): bf16 dot products in vector registers; on the 2-core
 *   AMD EPYC this project was measured on, oneDNN's bf16 MatMul ran at a quarter to a half of the
 *   fp32 rate, but its bf16 convolutions paid (a CNN's training step 1.5–2x fp32);
 *   <li>AVX512-VNNI / AVX-VNNI: int8 dot products (quantized inference; Primer does not use them);
 *   <li>AVX-512, AVX2 and FMA: the fp32 kernels themselves.
 * </ul>
 * On another operating system, or when the file cannot be read, every flag is absent and the
 * model is {@link #UNKNOWN}: features are never guessed.
 *
 * @param model the CPU's model name ({@code "AMD EPYC"}), or {@link #UNKNOWN}
 * @param flags the CPU's feature flags as the kernel names them ({@code avx512_bf16}), of the
 *     first processor listed
 */
public record CpuFeatures(String model, Set<String> flags) {
  /** The model name when it could not be read. */
  public static final String UNKNOWN = "unknown";

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static volatile CpuFeatures cached;

  /** Copies {@code flags}, keeping their order. */
  public CpuFeatures {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("cpu features: model name is required (or UNKNOWN)");
    }
    flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
  }

  /** This machine's features, read once per process; {@link #unknown()} where unreadable. */
  public static CpuFeatures detect() {
    CpuFeatures result = cached;
    if (result == null) {
      result = read(CPUINFO);
      cached = result;
    }
    return result;
  }

  /** The features described by the file at {@code cpuinfo}; {@link #unknown()} if unreadable. */
  static CpuFeatures read(Path cpuinfo) {
    try {
      return parse(Files.readString(cpuinfo));
    } catch (IOException | SecurityException e) {
      return unknown();
    }
  }

  /**
   * The features in the text of a Linux {@code /proc/cpuinfo}: the first processor's {@code model
   * name} and {@code flags} lines (ARM's {@code Features} line gives flags only).
   */
  public static CpuFeatures parse(String cpuinfo) {
    String model = UNKNOWN;
    Set<String> flags = new LinkedHashSet<>();
    boolean flagsSeen = false;
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("model name") && model.equals(UNKNOWN) && !value.isEmpty()) {
        model = value;
      } else if ((key.equals("flags") || key.equals("Features")) && !flagsSeen) {
        flags.addAll(Arrays.asList(value.split("\\s+")));
        flags.remove("");
        flagsSeen = true;
      }
    }
    return new CpuFeatures(model, flags);
  }

  /** Nothing known: model {@link #UNKNOWN}, no flags. */
  public static CpuFeatures unknown() {
    return new CpuFeatures(UNKNOWN, Set.of());
  }

  /** Whether the CPU was described at all (a model name or any flag was read). */
  public boolean known() {
    return !model.equals(UNKNOWN) || !flags.isEmpty();
  }

  /** Whether the CPU has the flag {@code name} as the kernel spells it. */
  public boolean has(String name) {
    return flags.contains(name);
  }

  /** AMX with bf16 tiles ({@code amx_bf16} and {@code amx_tile}). */
  public boolean amx() {
    return has("amx_bf16") && has("amx_tile");
  }

  /** AVX512-BF16 ({@code avx512_bf16}). */
  public boolean avx512Bf16() {
    return has("avx512_bf16");
  }

  /** AVX512-VNNI ({@code avx512_vnni}). */
  public boolean avx512Vnni() {
    return has("avx512_vnni");
  }

  /** AVX-512 foundation ({@code avx512f}). */
  public boolean avx512() {
    return has("avx512f");
  }

  /** AVX2 with fused multiply-add ({@code avx2} and {@code fma}). */
  public boolean avx2Fma() {
    return has("avx2") && has("fma");
  }

  /**
   * Whether bf16 matrix products, dense ones included, are known to be faster than fp32 here: AMX.
   * AVX512-BF16 alone is not enough for MatMul (see the class comment), so {@code Precision.AUTO}
   * casts every product only with AMX.
   */
  public boolean fastBf16() {
    return amx();
  }

  /**
   * Whether bf16 convolutions are known to be faster than fp32 here: AMX, or AVX512-BF16 — on
   * the 2-core AMD EPYC, a CNN's training step with bf16 convolutions ran 1.5–2x fp32 through
   * oneDNN, where its bf16 MatMul ran at a quarter to a half of fp32. {@code Precision.AUTO}
   * casts only the convolutions where this holds and {@link #fastBf16()} does not.
   */
  public boolean fastBf16Convolutions() {
    return amx() || avx512Bf16();
  }

  /**
   * The speed-ups present, strongest first, as the names a user knows ({@code "AVX512-BF16"});
   * empty if none (or unknown).
   */
  public List<String> speedUps() {
    List<String> names = new ArrayList<>();
    if (amx()) {
      names.add("AMX-BF16");
    }
    if (avx512Bf16()) {
      names.add("AVX512-BF16");
    }
    if (avx512Vnni()) {
      names.add("AVX512-VNNI");
    }
    if (has("avx_vnni")) {
      names.add("AVX-VNNI");
    }
    if (avx512()) {
      names.add("AVX-512");
    }
    if (avx2Fma()) {
      names.add("AVX2+FMA");
    }
    return names;
  }

  /**
   * One line for people: {@code "AMD EPYC: AVX512-BF16, AVX512-VNNI, AVX-512, AVX2+FMA; no AMX"},
   * or {@code "unknown CPU (no /proc/cpuinfo)"}.
   */
  public String describe() {
    if (!known()) {
      return "unknown CPU (no /proc/cpuinfo)";
    }
    List<String> names = speedUps();
    return model + ": " + (names.isEmpty() ? "none of AMX, AVX-512, AVX2" : String.join(", ",
        names)) + (amx() ? "" : "; no AMX");
  }
}
