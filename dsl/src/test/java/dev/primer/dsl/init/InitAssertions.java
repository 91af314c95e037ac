package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;

/** Targets to resolve rules against and tight checks of the samplers they give. */
final class InitAssertions {
  private InitAssertions() {}

  /** Relative tolerance for values computed by the same formula in another order. */
  static final double TIGHT = 1e-14;

  static final double C = 0.87962566103423978;

  static Target kernel(int... shape) {
    return target(Role.KERNEL, Optional.empty(), shape);
  }

  static Target kernel(Activation activation, int... shape) {
    return target(Role.KERNEL, Optional.of(activation), shape);
  }

  static Target target(Role role, Optional<Activation> activation, int... shape) {
    return new Target(role, shape, Fans.ofKernel(shape), activation, Cell.NONE, 0,
        shape[shape.length - 1]);
  }

  /** Applies rules until a sampler comes out, as the resolver does. */
  static Sampler resolve(Init init, Target target) {
    Init current = init;
    while (current instanceof Rule rule) {
      current = rule.choose(target);
    }
    return (Sampler) current;
  }

  static void assertUniform(Sampler s, double limit) {
    assertThat(s).isInstanceOfSatisfying(Uniform.class, u -> {
      assertThat(u.hi()).isCloseTo(limit, within(limit * TIGHT));
      assertThat(u.lo()).isEqualTo(-u.hi());
    });
  }

  static void assertNormal(Sampler s, double std) {
    assertThat(s).isInstanceOfSatisfying(Normal.class, n -> {
      assertThat(n.mean()).isZero();
      assertThat(n.std()).isCloseTo(std, within(std * TIGHT));
    });
  }

  static void assertTruncatedNormal(Sampler s, double std) {
    assertThat(s).isInstanceOfSatisfying(TruncatedNormal.class, t -> {
      assertThat(t.mean()).isZero();
      assertThat(t.std()).isCloseTo(std, within(std * TIGHT));
    });
  }
}
