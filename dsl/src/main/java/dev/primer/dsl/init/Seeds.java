package dev.primer.dsl.init;

import java.nio.charset.StandardCharsets;

/**
 * The one place seeds are derived. Every parameter block gets its own seed from (net seed,
 * parameter name, block index), so same-shaped layers never start identical and adding a layer
 * does not change the draws of the others (names are per kind: {@code dense_0}, {@code dense_1}).
 *
 * <p>The derivation mixes the inputs with SplitMix64's finaliser (Steele, Lea and Flood 2014), a
 * bijection on 64-bit values with full avalanche, over the name's UTF-8 bytes.
 */
public final class Seeds {
  private Seeds() {
    throw new AssertionError("no instances");
  }

  /**
   * The two 64-bit keys of a stateless random op (TensorFlow's {@code seed} input of shape [2])
   * for block {@code block} of parameter {@code name} (e.g. {@code dense_0/kernel}).
   */
  public static long[] forBlock(long netSeed, String name, int block) {
    long h = mix(netSeed ^ 0x5EED_5EED_5EED_5EEDL);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    h = mix(h ^ block);
    return new long[] {h, mix(h + 0x9E3779B97F4A7C15L)};
  }

  /**
   * An independent second key pair from {@code seed}, for samplers that need two random draws
   * (sparse init: which inputs, and their values). {@code stream} 0 returns {@code seed} itself.
   */
  public static long[] split(long[] seed, int stream) {
    if (stream == 0) {
      return seed.clone();
    }
    long h = mix(seed[0] ^ mix(seed[1] + stream));
    return new long[] {h, mix(h ^ stream)};
  }

  /** A seed for a purpose other than a parameter (shuffling, dropout, a probe batch). */
  public static long forPurpose(long netSeed, String purpose) {
    return forBlock(netSeed, "#" + purpose, 0)[0];
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
