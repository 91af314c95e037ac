package dev.primer.dsl.resolve;

import dev.primer.dsl.init.Init;
import java.util.Optional;

/**
 * Net-wide initializers, set once for a whole spec: the kernel init of every layer that names
 * none, and the bias init likewise. A layer's own choice wins.
 */
public record NetDefaults(Optional<Init> kernel, Optional<Init> bias) {

  /** No net-wide defaults: every layer without its own choice gets AUTO. */
  public static final NetDefaults NONE = new NetDefaults(Optional.empty(), Optional.empty());
}
