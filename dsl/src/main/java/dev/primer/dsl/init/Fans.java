package dev.primer.dsl.init;

import java.util.Arrays;

/**
 * The fans of a parameter block: how many inputs feed one output unit (fan_in) and how many
 * outputs one input unit feeds (fan_out). The one place fans are computed: of a kernel
 * ({@link #ofKernel}), of one gate block of any parameter ({@link #ofGateBlock}).
 *
 * <p>For a kernel of shape {@code [k1, ..., kr, in, out]} the receptive field is
 * {@code k1 * ... * kr} (1 for a dense kernel), and
 * <pre>
 *   fan_in  = receptive * in
 *   fan_out = receptive * out
 * </pre>
 * so a dense kernel [784, 256] has fans (784, 256) and a conv kernel [5, 5, 32, 64] has
 * (5*5*32, 5*5*64) = (800, 1600) — the input channels counted once (TensorFlow Java 1.0.0's
 * framework counts them twice).
 *
 * <p>Recurrent parameters are split per gate: an LSTM kernel [in, 4 * units] is four blocks
 * [in, units] with fans (in, units), its recurrent kernel four blocks [units, units]. Keras
 * instead computes fans over the whole [in, 4 * units], and {@code keras_default} does too (see
 * {@link FrameworkDefault#splitsGates}); Primer's own rules stay per gate, because each gate is
 * its own map x W_g of fan_in inputs to units outputs, and Glorot's argument balances the
 * variance of exactly that map forward (fan_in) and backward (fan_out = units): counting the four
 * gates as one fan_out of 4 * units shrinks every gate's weights by sqrt((in + units) /
 * (in + 4 units)) for no reason in the cell's equations.
 *
 * <p>A bias has no fans of its own: it takes those of its layer's kernel block, so
 * {@code pytorch_default}'s bias bound 1/sqrt(fan_in) uses the kernel's fan_in, as PyTorch does.
 */
public record Fans(long in, long out) {

  /** Checks that both fans are &gt; 0. */
  public Fans {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("fans must be > 0, got (" + in + ", " + out + ")");
    }
  }

  /** The fans of a kernel block of rank &gt;= 2, as above. */
  public static Fans ofKernel(int[] shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          "a kernel has rank >= 2, got shape " + Arrays.toString(shape));
    }
    long receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    return new Fans(receptive * shape[shape.length - 2], receptive * shape[shape.length - 1]);
  }

  /**
   * The shape of one gate block of a parameter of shape {@code shape} whose last axis holds
   * {@code gates} blocks side by side: {@code [in, 4 * units]} to {@code [in, units]} for an
   * LSTM kernel; the shape itself for one gate.
   */
  public static int[] gateBlock(int[] shape, int gates) {
    int[] block = shape.clone();
    block[block.length - 1] /= gates;
    return block;
  }

  /**
   * The fans of one gate block of the parameter of {@code role} of a layer with {@code gates}
   * gates (1 unless recurrent): a kernel or recurrent kernel block by {@link #ofKernel}; a bias
   * or any other 1-D parameter takes the fans of its layer's kernel block
   * ({@code kernelShape}, split the same way), or (n, n) where that has rank 1 (batch norm over
   * n channels, which has no kernel). A residual branch's scale ({@link Role#BRANCH_SCALE}) is
   * one multiplier of one value: fans (1, 1).
   *
   * @param block the parameter's gate block: {@link #gateBlock} of its shape, which the caller
   *     needs as well and computes once
   * @param kernelShape the layer's kernel shape, all gates together (its first parameter's where
   *     it has no kernel)
   */
  public static Fans ofGateBlock(Role role, int[] block, int[] kernelShape, int gates) {
    if (role == Role.KERNEL || role == Role.RECURRENT_KERNEL) {
      return ofKernel(block);
    }
    if (role == Role.BRANCH_SCALE) {
      return new Fans(1, 1);
    }
    int[] kernelBlock = gateBlock(kernelShape, gates);
    return ofKernel(kernelBlock.length >= 2 ? kernelBlock : new int[] {block[0], block[0]});
  }

  /** (fan_in + fan_out) / 2, Glorot's compromise between the forward and backward pass. */
  public double average() {
    return (in + out) / 2.0;
  }

  /** sqrt(fan_in * fan_out). */
  public double geometricAverage() {
    return Math.sqrt((double) in * out);
  }

  @Override
  public String toString() {
    return in + "/" + out;
  }
}
