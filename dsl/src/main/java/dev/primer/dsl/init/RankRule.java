package dev.primer.dsl.init;

import java.util.Optional;

/**
 * The rank rule the initializer records share, with its one message form (their value rules are
 * {@link dev.primer.dsl.base.Checks}).
 */
final class RankRule {
  private RankRule() {
    throw new AssertionError("no instances");
  }

  /**
   * Empty where the parameter fits, else {@code needs} and what it got:
   * {@code "orthogonal needs a parameter of rank >= 2, bias has rank 1"}.
   */
  static Optional<String> check(boolean fits, String needs, Role role, int rank) {
    return fits ? Optional.empty()
        : Optional.of(needs + ", " + role.paramName() + " has rank " + rank);
  }
}
