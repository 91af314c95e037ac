package dev.primer.dsl.layer;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;
import java.util.Optional;

/**
 * The initializers a user named for one layer; empty where nothing was named, so the net-wide
 * default or AUTO decides (see {@code dev.primer.dsl.resolve.InitResolver}).
 */
public record InitChoices(
    Optional<Init> kernel, Optional<Init> bias, Optional<Init> recurrentKernel) {

  /** Nothing named. */
  public static final InitChoices NONE =
      new InitChoices(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * What was named for {@code role} (through its {@link Role#choice()}: attention's query kernel
   * takes what {@code init(...)} named); always empty for roles a user cannot choose.
   */
  public Optional<Init> get(Role role) {
    return switch (role.choice()) {
      case KERNEL -> kernel;
      case BIAS -> bias;
      case RECURRENT_KERNEL -> recurrentKernel;
      default -> Optional.empty();
    };
  }

  /** A copy with {@code init} named for {@code role} (kernel, bias or recurrent kernel). */
  public InitChoices with(Role role, Init init) {
    return switch (role) {
      case KERNEL -> new InitChoices(Optional.of(init), bias, recurrentKernel);
      case BIAS -> new InitChoices(kernel, Optional.of(init), recurrentKernel);
      case RECURRENT_KERNEL -> new InitChoices(kernel, bias, Optional.of(init));
      default -> throw new IllegalArgumentException(
          "the initializer of " + role.paramName() + " cannot be chosen");
    };
  }
}
