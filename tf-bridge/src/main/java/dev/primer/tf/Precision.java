package dev.primer.tf;

import dev.primer.tf.device.CpuFeatures;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The number type a model computes its matrix products in (dense layers' MatMul, Conv2D), forward
 * and backward. Weights, biases, activations, the loss, softmax and the optimizer's updates stay
 * fp32 in every case: {@link #BF16} is mixed precision with fp32 master weights (the input and
 * kernel of each product are cast to bfloat16 and the product cast back). Covered: dense layers
 * on vectors and conv layers; recurrent layers and the sequence layers (dense per position,
 * attention, a residual's skip projection) keep fp32. See {@code internal.graph.Products} for the formulas and papers.
 *
 * <p>bf16 pays only where the CPU multiplies bf16 matrices faster than fp32: with AMX (Intel
 * Sapphire Rapids and later), about 4x fp32 in a MatMul. With AVX512-BF16 alone (the AMD EPYC
 * this project is developed on) TensorFlow's oneDNN bf16 MatMul measured about half the fp32
 * rate, so there {@link #AUTO} keeps fp32. Results differ from fp32 by bf16's rounding (8
 * significant bits): on the compare sample's MNIST net the test accuracy stayed within 0.2
 * points of fp32 (BENCHMARKS.md).
 */
public enum Precision {
  /** Every product in fp32: the default, bitwise reproducible on the CPU. */
  FP32,
  /** Products in bf16 with fp32 master weights, whatever the CPU. */
  BF16,
  /**
   * {@link #BF16} where the CPU has a fast bf16 matrix unit ({@link CpuFeatures#fastBf16()},
   * i.e. AMX) and the model runs on the CPU; {@link #FP32} elsewhere (also on a GPU).
   */
  AUTO;

  /**
   * What this precision means for a model on {@code device} on a CPU with {@code cpu}: never
   * {@link #AUTO}.
   */
  public Precision resolve(Device device, CpuFeatures cpu) {
    return switch (this) {
      case FP32, BF16 -> this;
      case AUTO -> device == Device.CPU && cpu.fastBf16() ? BF16 : FP32;
    };
  }

  /**
   * The precision named {@code text}, case-insensitive ({@code fp32}, {@code bf16}, {@code
   * auto}).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones: {@code "precision:
   *     unknown value 'fp16'; use one of fp32, bf16, auto"}
   */
  public static Precision parse(String text) {
    for (Precision p : values()) {
      if (p.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("precision: unknown value '" + text + "'; use one of "
        + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ")));
  }
}
