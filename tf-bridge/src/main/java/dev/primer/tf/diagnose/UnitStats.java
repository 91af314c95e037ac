package dev.primer.tf.diagnose;

import dev.primer.tf.data.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-unit statistics of a layer's values, which are laid out row-major with the unit as the last
 * axis: value {@code k} belongs to unit {@code k % units}.
 */
final class UnitStats {
  private UnitStats() {
    throw new AssertionError("no instances");
  }

  /** The fraction of units whose pre-activation is {@code <= 0} at every value. */
  static double deadFraction(float[] preActivation, int units) {
    boolean[] fired = new boolean[units];
    for (int k = 0; k < preActivation.length; k++) {
      if (preActivation[k] > 0) {
        fired[k % units] = true;
      }
    }
    int dead = 0;
    for (boolean f : fired) {
      if (!f) {
        dead++;
      }
    }
    return (double) dead / units;
  }

  /** The fraction of values with {@code |y| > level} (tanh, range [-1, 1]). */
  static double saturatedTanh(float[] output, double level) {
    int n = 0;
    for (float y : output) {
      if (Math.abs(y) > level) {
        n++;
      }
    }
    return (double) n / output.length;
  }

  /** The fraction of values beyond {@code level} of [0, 1] at either end (sigmoid). */
  static double saturatedSigmoid(float[] output, double level) {
    double low = (1 - level) / 2;
    double high = 1 - low;
    int n = 0;
    for (float y : output) {
      if (y < low || y > high) {
        n++;
      }
    }
    return (double) n / output.length;
  }

  /**
   * One parameter of a layer seen per unit: its values and its gradient, both row-major with the
   * last axis {@code gates * units} wide, unit {@code j} of gate {@code g} in column
   * {@code g * units + j} (dense and conv layers have one gate).
   */
  record UnitParameter(float[] values, float[] gradient, int lastAxis) {}

  /**
   * How many of the {@code units} units duplicate an earlier one: every value of every parameter
   * feeding them is exactly equal, and every gradient value agrees within
   * {@code tolerance * RMS(that parameter's gradient)}. Units are first grouped by exact
   * parameter values (hashing), then split by gradient; a unit joins the first group whose
   * representative it matches.
   */
  static int identicalUnits(List<UnitParameter> parameters, int units, double tolerance) {
    Map<ValuesKey, List<Integer>> byValues = new LinkedHashMap<>();
    for (int j = 0; j < units; j++) {
      byValues.computeIfAbsent(new ValuesKey(slice(parameters, j, units)), k -> new ArrayList<>())
          .add(j);
    }
    double[] limits = new double[parameters.size()];
    for (int p = 0; p < limits.length; p++) {
      limits[p] = tolerance * Statistics.rms(parameters.get(p).gradient());
    }
    int duplicates = 0;
    for (List<Integer> group : byValues.values()) {
      List<Integer> representatives = new ArrayList<>();
      for (int j : group) {
        boolean matched = false;
        for (int r : representatives) {
          if (gradientsAgree(parameters, limits, r, j, units)) {
            matched = true;
            break;
          }
        }
        if (matched) {
          duplicates++;
        } else {
          representatives.add(j);
        }
      }
    }
    return duplicates;
  }

  private static float[] slice(List<UnitParameter> parameters, int unit, int units) {
    int size = 0;
    for (UnitParameter p : parameters) {
      size += p.values().length / units;
    }
    float[] out = new float[size];
    int i = 0;
    for (UnitParameter p : parameters) {
      int gates = p.lastAxis() / units;
      for (int row = 0; row < p.values().length / p.lastAxis(); row++) {
        for (int g = 0; g < gates; g++) {
          out[i++] = p.values()[row * p.lastAxis() + g * units + unit];
        }
      }
    }
    return out;
  }

  private static boolean gradientsAgree(
      List<UnitParameter> parameters, double[] limits, int a, int b, int units) {
    for (int p = 0; p < parameters.size(); p++) {
      UnitParameter param = parameters.get(p);
      float[] grad = param.gradient();
      int gates = param.lastAxis() / units;
      for (int row = 0; row < grad.length / param.lastAxis(); row++) {
        for (int g = 0; g < gates; g++) {
          int base = row * param.lastAxis() + g * units;
          if (!(Math.abs(grad[base + a] - grad[base + b]) <= limits[p])) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** A float array compared by content (bit patterns, as {@link Arrays#equals(float[], float[])}). */
  private record ValuesKey(float[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ValuesKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
