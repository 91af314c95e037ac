package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the result files write a number JSON cannot hold. */
final class JsonNumbers {
  private JsonNumbers() {
    throw new AssertionError("no instances");
  }

  /** {@code value} under {@code field}; NaN and infinities have no JSON number: null. */
  static void putFiniteOrNull(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }
}
