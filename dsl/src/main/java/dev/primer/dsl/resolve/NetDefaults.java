package dev.primer.dsl.resolve;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.param.Parametrization;
import java.util.Objects;
import java.util.Optional;

/**
 * Net-wide choices, set once for a whole spec: the kernel init of every layer that names none,
 * the bias init likewise (a layer's own choice wins), and the parametrization (standard or muP,
 * see {@link Parametrization}).
 *
 * @param kernel the net-wide kernel init, if set
 * @param bias the net-wide bias init, if set
 * @param parametrization how init, output and learning rates scale with width
 */
public record NetDefaults(Optional<Init> kernel, Optional<Init> bias,
    Parametrization parametrization) {

  /** No net-wide defaults: every layer without its own choice gets AUTO; standard. */
  public static final NetDefaults NONE = new NetDefaults(Optional.empty(), Optional.empty());

  /** Checks nothing is null. */
  public NetDefaults {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(bias, "bias");
    Objects.requireNonNull(parametrization, "parametrization");
  }

  /** Net-wide inits under the standard parametrization. */
  public NetDefaults(Optional<Init> kernel, Optional<Init> bias) {
    this(kernel, bias, Parametrization.standard());
  }
}
