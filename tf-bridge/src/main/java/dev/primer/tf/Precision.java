package dev.primer.tf;

import dev.primer.tf.device.CpuFeatures;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The number type a model computes its matrix products in (dense layers' MatMul, Conv2D), forward
 * and backward. Weights, biases, activations, the loss, softmax and the optimizer's updates stay
 * fp32 in every case: {@link #BF16} and {@link #BF16_CONV} are mixed precision with fp32 master
 * weights (the input and kernel of each product concerned are cast to bfloat16 and the product
 * cast back). Covered: dense layers on vectors and conv layers; recurrent layers and the sequence
 * layers (dense per position, attention, a residual's skip projection) keep fp32. See {@code
 * internal.graph.Products} for the formulas and papers.
 *
 * <p>When each pays, measured through TensorFlow's oneDNN kernels (BENCHMARKS.md):
 * <ul>
 *   <li>{@link #BF16} (every product) where the CPU has AMX (Intel Sapphire Rapids and later):
 *   a bf16 MatMul ran at about 4x fp32 on a 2-core Xeon.
 *   <li>{@link #BF16_CONV} (convolutions only) where the CPU has AVX512-BF16 but no AMX (the
 *   2-core AMD EPYC this project is developed on): there oneDNN's bf16 MatMul ran at 0.25–0.55x
 *   fp32, so bf16 MLPs trained at 0.73–0.91x fp32's examples/s, while the CNN 5x5x32-pool-5x5x64-
 *   pool-256-10 (batch 128, Adam) trained 1.5–2.0x faster in bf16: its convolutions gain, its
 *   dense layers lose. Casting only the convolutions keeps the gain and skips the loss; on a net
 *   without conv layers it is exactly {@link #FP32}.
 *   <li>{@link #FP32} elsewhere, and on a GPU ({@link #AUTO} does not choose bf16 there).
 * </ul>
 * Results differ from fp32 by bf16's rounding (8 significant bits): on the compare sample's MNIST
 * net the test accuracy in bf16 stayed within 0.2 points of fp32 (93.55% against 93.60%, 3 seeds).
 */
public enum Precision {
  /** Every product in fp32: the default, bitwise reproducible on the CPU. */
  FP32,
  /** Every product (dense and conv) in bf16 with fp32 master weights, whatever the CPU. */
  BF16,
  /**
   * Convolution products in bf16 with fp32 master weights, dense products in fp32, whatever the
   * CPU.
   */
  BF16_CONV,
  /**
   * Chosen from the CPU when the model runs on it: {@link #BF16} with a fast bf16 matrix unit
   * ({@link CpuFeatures#fastBf16()}, i.e. AMX), {@link #BF16_CONV} where only bf16 convolutions
   * are fast ({@link CpuFeatures#fastBf16Convolutions()}, i.e. AVX512-BF16), {@link #FP32}
   * elsewhere and on a GPU.
   */
  AUTO;

  /**
   * What this precision means for a model on {@code device} on a CPU with {@code cpu}: never
   * {@link #AUTO}.
   */
  public Precision resolve(Device device, CpuFeatures cpu) {
    return switch (this) {
      case FP32, BF16, BF16_CONV -> this;
      case AUTO -> {
        if (device != Device.CPU) {
          yield FP32;
        }
        yield cpu.fastBf16() ? BF16 : cpu.fastBf16Convolutions() ? BF16_CONV : FP32;
      }
    };
  }

  /** The name a user types: {@code fp32}, {@code bf16}, {@code bf16_conv}, {@code auto}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The precision named {@code text}, case-insensitive ({@code fp32}, {@code bf16}, {@code
   * bf16_conv}, {@code auto}).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones: {@code "precision:
   *     unknown value 'fp16'; use one of fp32, bf16, bf16_conv, auto"}
   */
  public static Precision parse(String text) {
    for (Precision p : values()) {
      if (p.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("precision: unknown value '" + text + "'; use one of "
        + Arrays.stream(values()).map(Precision::label).collect(Collectors.joining(", ")));
  }
}
